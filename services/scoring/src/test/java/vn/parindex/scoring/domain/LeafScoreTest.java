package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.ScoreSource;

class LeafScoreTest {

    private static final CriteriaNode APPRAISED = leaf(ScoreSource.APPRAISED);
    private static final CriteriaNode SURVEY = leaf(ScoreSource.SURVEY);

    private static CriteriaNode leaf(ScoreSource source) {
        return new CriteriaNode(
                "X1",
                "x",
                "x",
                NodeKind.CRITERION,
                new BigDecimal("2"),
                1,
                source,
                new Rule.Manual(new BigDecimal("0.25")),
                List.of(),
                null,
                List.of());
    }

    private static LeafScore score(String self, String round1, String round2, String survey) {
        return new LeafScore(
                points(self),
                false,
                points(round1),
                points(round2),
                survey == null ? null : new BigDecimal(survey),
                null,
                null,
                null,
                null);
    }

    private static LeafScore.Given points(String points) {
        return points == null ? null : LeafScore.Given.points(new BigDecimal(points));
    }

    @Test
    void shouldTakeTheLastAppraisalRound() {
        assertEquals(
                new BigDecimal("1.5"),
                LeafScore.finalInput(APPRAISED, score("2", "1", "1.5", null), true)
                        .points());
        assertEquals(
                new BigDecimal("1"),
                LeafScore.finalInput(APPRAISED, score("2", "1", null, null), true)
                        .points());
    }

    @Test
    void shouldCountTheSelfScoreOnlyWhereAppraisalIsNotRequired() {
        assertNull(LeafScore.finalInput(APPRAISED, score("2", null, null, null), true));
        assertEquals(
                new BigDecimal("2"),
                LeafScore.finalInput(APPRAISED, score("2", null, null, null), false)
                        .points());
    }

    @Test
    void shouldTakeSurveyPointsForSurveyCriteriaAndKeepNotApplicableWithoutAppraisal() {
        assertEquals(
                new BigDecimal("1.75"),
                LeafScore.finalInput(SURVEY, score(null, null, null, "1.75"), true)
                        .points());
        LeafScore na = new LeafScore(null, true, null, null, null, null, null, null, null);
        assertTrue(LeafScore.finalInput(APPRAISED, na, true).notApplicable());
    }

    @Test
    void shouldKeepACorrectedRatioAsTheAppraisedInput() {
        LeafScore.Given selfRatio = new LeafScore.Given(null, null, new BigDecimal("69"), new BigDecimal("70"));
        LeafScore.Given corrected = new LeafScore.Given(null, null, new BigDecimal("68"), new BigDecimal("70"));
        LeafScore s = new LeafScore(selfRatio, false, selfRatio, corrected, null, null, null, null, null);
        var in = LeafScore.finalInput(APPRAISED, s, true);
        assertEquals(new BigDecimal("68"), in.numerator());
        assertEquals(new BigDecimal("70"), in.denominator());
        assertNull(in.points());
    }
}
