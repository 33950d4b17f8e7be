package vn.parindex.criteria.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Inputs and result of evaluating a criteria set for one unit. */
public final class Evaluation {

    private Evaluation() {}

    /**
     * What is known about one leaf: points given directly (appraised, survey, adjustment), an evidence level, or
     * a metric value (as a percentage, or numerator and denominator). {@code notApplicable} drops the leaf.
     */
    public record LeafInput(
            BigDecimal points,
            String level,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            Boolean notApplicable) {

        public static LeafInput points(String points) {
            return new LeafInput(new BigDecimal(points), null, null, null, null, null);
        }

        public static LeafInput value(String percent) {
            return new LeafInput(null, null, new BigDecimal(percent), null, null, null);
        }
    }

    /** The unit's type (for applicability), metric values by name, and leaf inputs by node code. */
    public record Input(String unitType, Map<String, BigDecimal> metrics, Map<String, LeafInput> leaves) {
        public Input {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
            leaves = leaves == null ? Map.of() : Map.copyOf(leaves);
        }
    }

    /** Result of one node. {@code value}/{@code numerator}/{@code denominator} show the ratio a rule used. */
    public record NodeResult(
            String code,
            String parentCode,
            NodeKind kind,
            int depth,
            boolean applicable,
            BigDecimal points,
            BigDecimal maxPoints,
            BigDecimal applicableMax,
            BigDecimal indexPercent,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String basis) {}

    /**
     * The whole result: total points (adjustments included), the applicable maximum, the index unrounded (for
     * ranking) and rounded half-up to 2 decimals (for display), the band, every node in tree order, and leaves
     * that had no input (scored 0).
     */
    public record Result(
            String criteriaSetCode,
            BigDecimal totalPoints,
            BigDecimal applicableMax,
            BigDecimal indexPercentExact,
            BigDecimal indexPercent,
            String band,
            List<NodeResult> nodes,
            List<String> missing) {}
}
