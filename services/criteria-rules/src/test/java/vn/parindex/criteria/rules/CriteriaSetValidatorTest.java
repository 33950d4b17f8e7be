package vn.parindex.criteria.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.criteria.rules.EvaluatorTest.field;
import static vn.parindex.criteria.rules.EvaluatorTest.leaf;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaSetValidatorTest {

    private static final Rule SURVEY = new Rule.Survey();

    private static CriteriaSet set(String total, CriteriaNode... nodes) {
        return new CriteriaSet(
                "S",
                "Set",
                2025,
                TargetLevel.COMMUNE,
                null,
                new BigDecimal(total),
                SetStatus.DRAFT,
                false,
                null,
                List.of(),
                List.of(nodes));
    }

    @Test
    void shouldAcceptAConsistentTree() {
        assertEquals(
                List.of(),
                CriteriaSetValidator.validate(set(
                        "5",
                        field(
                                "F",
                                "5",
                                leaf("F.1", "2.5", SURVEY, List.of()),
                                leaf("F.2", "2.5", SURVEY, List.of())))));
    }

    @Test
    void shouldNameTheNodeAndBothSumsWhenChildrenExceedTheParent() {
        List<Violation> v = CriteriaSetValidator.validate(
                set("5", field("F", "5", leaf("F.1", "3", SURVEY, List.of()), leaf("F.2", "2.5", SURVEY, List.of()))));
        assertEquals(1, v.size());
        assertEquals(Violation.Kind.POINTS_MISMATCH, v.getFirst().kind());
        assertEquals("nodes[0].children", v.getFirst().path());
        assertTrue(
                v.getFirst().message().contains("F: children sum to 5.5 but its maxPoints is 5"),
                v.getFirst().message());
    }

    @Test
    void shouldReportATopLevelThatFallsShortOfTheTotal() {
        List<Violation> v =
                CriteriaSetValidator.validate(set("100", field("F", "5", leaf("F.1", "5", SURVEY, List.of()))));
        assertEquals("nodes", v.getFirst().path());
        assertTrue(v.getFirst().message().contains("sum to 5 but totalPoints is 100"));
    }

    @Test
    void shouldRefuseUnknownMetricsDuplicateCodesAndUnorderedBands() {
        Rule unordered = new Rule.Bands(
                "ON_TIME_RATE_RESOLVED",
                List.of(
                        new Rule.Bands.Band(new BigDecimal("95"), new BigDecimal("0.5")),
                        new Rule.Bands.Band(new BigDecimal("99"), BigDecimal.ONE)),
                null);
        List<Violation> v = CriteriaSetValidator.validate(set(
                "6",
                field(
                        "F",
                        "6",
                        leaf("F.1", "2", new Rule.Percent("NO_SUCH_METRIC"), List.of()),
                        leaf("F.1", "2", SURVEY, List.of()),
                        leaf("F.3", "2", unordered, List.of()))));
        assertEquals(
                List.of(Violation.Kind.UNKNOWN_METRIC, Violation.Kind.DUPLICATE_NODE_CODE, Violation.Kind.INVALID_RULE),
                v.stream().map(Violation::kind).toList());
        assertEquals("nodes[0].children[2].rule.bands[1].min", v.get(2).path());
    }

    @Test
    void shouldRequireRulesOnLeavesAndAutoToReadADossierMetric() {
        CriteriaNode noRule = leaf("F.1", "1", null, List.of());
        CriteriaNode autoWithoutFeed = new CriteriaNode(
                "F.2",
                "x",
                null,
                NodeKind.CRITERION,
                BigDecimal.ONE,
                2,
                ScoreSource.AUTO,
                new Rule.Percent("SIPAS_PERCENT"),
                List.of(),
                null,
                List.of());
        List<Violation> v = CriteriaSetValidator.validate(set("2", field("F", "2", noRule, autoWithoutFeed)));
        assertEquals(
                List.of("nodes[0].children[0].rule", "nodes[0].children[1].scoreSource"),
                v.stream().map(Violation::path).toList());
    }

    @Test
    void shouldLetAnAutoCriterionReadAServiceIndexIndicator() {
        CriteriaNode satisfaction = new CriteriaNode(
                "F.1",
                "Người dân hài lòng",
                null,
                NodeKind.CRITERION,
                BigDecimal.ONE,
                1,
                ScoreSource.AUTO,
                new Rule.Percent("SATISFACTION_RATE"),
                List.of(),
                null,
                List.of());
        CriteriaNode payment = new CriteriaNode(
                "F.2",
                "Thanh toán trực tuyến",
                null,
                NodeKind.CRITERION,
                BigDecimal.ONE,
                2,
                ScoreSource.AUTO,
                new Rule.Percent("ONLINE_PAYMENT_RATE"),
                List.of(),
                null,
                List.of());
        assertEquals(List.of(), CriteriaSetValidator.validate(set("2", field("F", "2", satisfaction, payment))));
        assertEquals(
                Metric.Origin.DOSSIER_STATS,
                Metric.valueOf("FEEDBACK_ON_TIME_RATE").origin());
    }
}
