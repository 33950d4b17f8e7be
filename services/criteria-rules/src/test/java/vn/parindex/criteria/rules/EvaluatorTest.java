package vn.parindex.criteria.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.Evaluation.Input;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.Evaluation.NodeResult;
import vn.parindex.criteria.rules.Evaluation.Result;

class EvaluatorTest {

    private static final List<Rule.Bands.Band> ON_TIME = List.of(
            new Rule.Bands.Band(new BigDecimal("99"), BigDecimal.ONE),
            new Rule.Bands.Band(new BigDecimal("95"), new BigDecimal("0.5")),
            new Rule.Bands.Band(BigDecimal.ZERO, BigDecimal.ZERO));

    // F1 (6): on-time band (4) + manual (2, step 0.25); F2 (4): linear (2) + percent (2, only for "huyện").
    private static final CriteriaSet SET = new CriteriaSet(
            "T",
            "Test",
            2025,
            TargetLevel.DISTRICT,
            "test",
            new BigDecimal("10"),
            SetStatus.PUBLISHED,
            false,
            null,
            List.of(
                    new ClassificationBand("A", "A", new BigDecimal("90")),
                    new ClassificationBand("B", "B", new BigDecimal("80")),
                    new ClassificationBand("C", "C", BigDecimal.ZERO)),
            List.of(
                    field(
                            "F1",
                            "6",
                            leaf("F1.1", "4", new Rule.Bands("ON_TIME_RATE_RESOLVED", ON_TIME, null), List.of()),
                            leaf("F1.2", "2", new Rule.Manual(new BigDecimal("0.25")), List.of())),
                    field(
                            "F2",
                            "4",
                            leaf(
                                    "F2.1",
                                    "2",
                                    new Rule.Linear("UNIT_RATIO", new BigDecimal("50"), new BigDecimal("100")),
                                    List.of()),
                            leaf("F2.2", "2", new Rule.Percent("SIPAS_PERCENT"), List.of("huyện"))),
                    new CriteriaNode(
                            "ADJ",
                            "Thưởng/phạt",
                            null,
                            NodeKind.ADJUSTMENT,
                            null,
                            3,
                            null,
                            new Rule.Adjustment(new BigDecimal("1"), new BigDecimal("2")),
                            List.of(),
                            null,
                            List.of())));

    private static Result eval(String unitType, Map<String, BigDecimal> metrics, Map<String, LeafInput> leaves) {
        return Evaluator.evaluate(SET, new Input(unitType, metrics, leaves));
    }

    private static BigDecimal points(Result r, String code) {
        return r.nodes().stream()
                .filter(n -> n.code().equals(code))
                .findFirst()
                .map(NodeResult::points)
                .orElseThrow();
    }

    @Test
    void shouldGiveTheBandWhoseMinimumIsReachedExactlyAtTheEdge() {
        assertEquals(
                new BigDecimal("4.000"),
                points(eval("huyện", Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("99")), Map.of()), "F1.1"));
        assertEquals(
                new BigDecimal("2.000"),
                points(eval("huyện", Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("98.999")), Map.of()), "F1.1"));
        assertEquals(
                new BigDecimal("2.000"),
                points(eval("huyện", Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("95")), Map.of()), "F1.1"));
        assertEquals(
                new BigDecimal("0.000"),
                points(eval("huyện", Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("94.99")), Map.of()), "F1.1"));
    }

    @Test
    void shouldPreferTheLeafsOwnRatioAndShowIt() {
        Result r = eval(
                "huyện",
                Map.of(),
                Map.of("F1.1", new LeafInput(null, null, null, new BigDecimal("69"), new BigDecimal("70"), null)));
        NodeResult leaf = r.nodes().stream()
                .filter(n -> n.code().equals("F1.1"))
                .findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("2.000"), leaf.points());
        assertEquals(new BigDecimal("98.57"), leaf.value());
        assertEquals(new BigDecimal("69"), leaf.numerator());
    }

    @Test
    void shouldTakeAppraisedPointsOfARatioCriterionWithinItsMaximum() {
        Result r = eval(
                "huyện",
                Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("100")),
                Map.of("F1.1", LeafInput.points("1.5")));
        assertEquals(new BigDecimal("1.500"), points(r, "F1.1"));
        assertThrows(EvaluationException.class, () -> eval("huyện", Map.of(), Map.of("F1.1", LeafInput.points("4.5"))));
    }

    @Test
    void shouldClampLinearRulesBetweenFloorAndTarget() {
        assertEquals(
                new BigDecimal("0.000"),
                points(eval("huyện", Map.of(), Map.of("F2.1", LeafInput.value("40"))), "F2.1"));
        assertEquals(
                new BigDecimal("1.000"),
                points(eval("huyện", Map.of(), Map.of("F2.1", LeafInput.value("75"))), "F2.1"));
        assertEquals(
                new BigDecimal("2.000"),
                points(eval("huyện", Map.of(), Map.of("F2.1", LeafInput.value("120"))), "F2.1"));
    }

    @Test
    void shouldCapAdjustmentsOnBothSides() {
        assertEquals(
                new BigDecimal("1.000"), points(eval("huyện", Map.of(), Map.of("ADJ", LeafInput.points("3"))), "ADJ"));
        assertEquals(
                new BigDecimal("-2.000"),
                points(eval("huyện", Map.of(), Map.of("ADJ", LeafInput.points("-5"))), "ADJ"));
        assertEquals(
                new BigDecimal("-1.500"),
                points(eval("huyện", Map.of(), Map.of("ADJ", LeafInput.points("-1.5"))), "ADJ"));
    }

    @Test
    void shouldDropNotApplicableNodesFromTheMaximum() {
        Map<String, LeafInput> full = Map.of(
                "F1.1",
                LeafInput.value("100"),
                "F1.2",
                LeafInput.points("2"),
                "F2.1",
                LeafInput.value("100"),
                "F2.2",
                LeafInput.value("50"));
        Result district = eval("huyện", Map.of(), full);
        assertEquals(new BigDecimal("10"), district.applicableMax());
        assertEquals(new BigDecimal("90.00"), district.indexPercent());
        // A "thị xã" is not scored on F2.2: 8 of 8 applicable points is 100 %.
        Result town = eval("thị xã", Map.of(), full);
        assertEquals(new BigDecimal("8"), town.applicableMax());
        assertEquals(new BigDecimal("100.00"), town.indexPercent());
        assertEquals("A", town.band());
        // The same through an explicit not-applicable flag on the leaf.
        Map<String, LeafInput> flagged = new java.util.HashMap<>(full);
        flagged.put("F1.2", new LeafInput(null, null, null, null, null, true));
        assertEquals(new BigDecimal("8"), eval("huyện", Map.of(), flagged).applicableMax());
    }

    @Test
    void shouldAddAdjustmentsAfterTheSumsAndClassify() {
        Result r = eval(
                "huyện",
                Map.of("ON_TIME_RATE_RESOLVED", new BigDecimal("96")),
                Map.of(
                        "F1.2",
                        LeafInput.points("1.5"),
                        "F2.1",
                        LeafInput.value("100"),
                        "F2.2",
                        LeafInput.value("80"),
                        "ADJ",
                        LeafInput.points("0.5")));
        // 2 + 1.5 + 2 + 1.6 + 0.5 = 7.6 of 10.
        assertEquals(new BigDecimal("7.600"), r.totalPoints());
        assertEquals(new BigDecimal("76.00"), r.indexPercent());
        assertEquals("C", r.band());
    }

    @Test
    void shouldListLeavesWithoutInputAsMissing() {
        Result r = eval("huyện", Map.of(), Map.of());
        assertEquals(List.of("F1.1", "F1.2", "F2.1", "F2.2", "ADJ"), r.missing());
        assertEquals(new BigDecimal("0.00"), r.indexPercent());
    }

    @Test
    void shouldRefusePointsAboveTheMaximumOrOffTheStep() {
        EvaluationException above = assertThrows(
                EvaluationException.class, () -> eval("huyện", Map.of(), Map.of("F1.2", LeafInput.points("2.25"))));
        assertEquals(
                Violation.Kind.SCORE_ABOVE_MAX, above.violations().getFirst().kind());
        EvaluationException step = assertThrows(
                EvaluationException.class, () -> eval("huyện", Map.of(), Map.of("F1.2", LeafInput.points("1.1"))));
        assertEquals(
                Violation.Kind.SCORE_NOT_ON_STEP, step.violations().getFirst().kind());
        EvaluationException unknown = assertThrows(
                EvaluationException.class, () -> eval("huyện", Map.of(), Map.of("Z9", LeafInput.points("1"))));
        assertEquals(
                Violation.Kind.UNKNOWN_NODE, unknown.violations().getFirst().kind());
    }

    @Test
    void shouldHaveNoIndexWhenNothingApplies() {
        CriteriaSet onlyF22 = SET.withNodes(
                List.of(field("F2", "2", leaf("F2.2", "2", new Rule.Percent("SIPAS_PERCENT"), List.of("huyện")))));
        assertNull(Evaluator.evaluate(onlyF22, new Input("thị xã", Map.of(), Map.of()))
                .indexPercent());
    }

    static CriteriaNode field(String code, String max, CriteriaNode... children) {
        return new CriteriaNode(
                code,
                "Lĩnh vực " + code,
                null,
                NodeKind.FIELD,
                new BigDecimal(max),
                1,
                null,
                null,
                List.of(),
                null,
                List.of(children));
    }

    static CriteriaNode leaf(String code, String max, Rule rule, List<String> appliesTo) {
        return new CriteriaNode(
                code,
                "Tiêu chí " + code,
                null,
                NodeKind.CRITERION,
                new BigDecimal(max),
                1,
                null,
                rule,
                appliesTo,
                null,
                List.of());
    }
}
