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
                self == null ? null : new BigDecimal(self),
                null,
                null,
                null,
                false,
                round1 == null ? null : new BigDecimal(round1),
                round2 == null ? null : new BigDecimal(round2),
                survey == null ? null : new BigDecimal(survey),
                null,
                null,
                null,
                null);
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
        LeafScore na = new LeafScore(null, null, null, null, true, null, null, null, null, null, null, null);
        assertTrue(LeafScore.finalInput(APPRAISED, na, true).notApplicable());
    }
}
