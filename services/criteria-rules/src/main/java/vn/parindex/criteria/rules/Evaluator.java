package vn.parindex.criteria.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.criteria.rules.Evaluation.Input;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.Evaluation.NodeResult;
import vn.parindex.criteria.rules.Evaluation.Result;
import vn.parindex.criteria.rules.Violation.Kind;

/**
 * The one implementation of the scoring rules. Points are decimals with up to 3 places (half-up); a node sums its
 * applicable children; nodes that do not apply to the unit leave the maximum, so the index is achieved /
 * applicable maximum × 100 (Decision 1149/QĐ-BNV's normalisation). Adjustments are added after the sums within
 * their caps. The exact index ranks; the index rounded half-up to 2 decimals is for display.
 */
public final class Evaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int POINT_SCALE = 3;
    private static final int EXACT_SCALE = 10;

    private Evaluator() {}

    /** Evaluates, or throws {@link EvaluationException} listing every bad input. */
    public static Result evaluate(CriteriaSet set, Input input) {
        List<Violation> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        collectCodes(set.nodes(), known);
        input.leaves().keySet().stream()
                .filter(code -> !known.contains(code))
                .sorted()
                .forEach(code -> problems.add(
                        Violation.of(Kind.UNKNOWN_NODE, "leaves." + code, "is not a node of " + set.code(), code)));

        List<NodeResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal applicableMax = BigDecimal.ZERO;
        for (CriteriaNode node : set.nodes()) {
            Sum s = evaluate(node, null, 0, true, input, results, missing, problems);
            total = total.add(s.points);
            applicableMax = applicableMax.add(s.max);
        }
        if (!problems.isEmpty()) {
            throw new EvaluationException(problems);
        }
        BigDecimal exact = applicableMax.signum() == 0
                ? null
                : total.multiply(HUNDRED).divide(applicableMax, EXACT_SCALE, RoundingMode.HALF_UP);
        BigDecimal display = exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
        return new Result(set.code(), total, applicableMax, exact, display, band(set, exact), results, missing);
    }

    /** Points and applicable maximum of a subtree. */
    private record Sum(BigDecimal points, BigDecimal max) {}

    private static Sum evaluate(
            CriteriaNode node,
            String parent,
            int depth,
            boolean parentApplies,
            Input input,
            List<NodeResult> out,
            List<String> missing,
            List<Violation> problems) {
        LeafInput leaf = input.leaves().get(node.code());
        boolean applies = parentApplies
                && node.appliesTo(input.unitType())
                && !(leaf != null && Boolean.TRUE.equals(leaf.notApplicable()));
        int index = out.size();
        out.add(null);
        boolean adjustment = node.kind() == NodeKind.ADJUSTMENT;
        BigDecimal max = adjustment || node.maxPoints() == null ? BigDecimal.ZERO : node.maxPoints();

        if (!node.isLeaf()) {
            BigDecimal points = BigDecimal.ZERO;
            BigDecimal applicableMax = BigDecimal.ZERO;
            for (CriteriaNode child : node.children()) {
                Sum s = evaluate(child, node.code(), depth + 1, applies, input, out, missing, problems);
                points = points.add(s.points);
                applicableMax = applicableMax.add(s.max);
            }
            out.set(
                    index,
                    result(
                            node,
                            parent,
                            depth,
                            applies,
                            points,
                            max,
                            applicableMax,
                            null,
                            null,
                            null,
                            "sum of children"));
            return new Sum(points, applicableMax);
        }
        if (!applies) {
            out.set(
                    index,
                    result(
                            node,
                            parent,
                            depth,
                            false,
                            BigDecimal.ZERO,
                            max,
                            BigDecimal.ZERO,
                            null,
                            null,
                            null,
                            "not applicable"));
            return new Sum(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        Scored scored = score(node, leaf, input, problems);
        if (scored == null) {
            missing.add(node.code());
            scored = new Scored(BigDecimal.ZERO, null, null, null, "no input");
        }
        out.set(
                index,
                result(
                        node,
                        parent,
                        depth,
                        true,
                        scored.points,
                        max,
                        max,
                        scored.value,
                        scored.numerator,
                        scored.denominator,
                        scored.basis));
        return new Sum(scored.points, adjustment ? BigDecimal.ZERO : max);
    }

    private record Scored(
            BigDecimal points, BigDecimal value, BigDecimal numerator, BigDecimal denominator, String basis) {}

    /** Points of an applicable leaf, or {@code null} when it has no input. */
    private static Scored score(CriteriaNode node, LeafInput leaf, Input input, List<Violation> problems) {
        BigDecimal max = node.maxPoints() == null ? BigDecimal.ZERO : node.maxPoints();
        String path = "leaves." + node.code();
        if (node.rule().metric() != null && leaf != null && leaf.points() != null) {
            // An appraiser may set the points of a ratio criterion directly (e.g. after checking the evidence the
            // ratio was wrong); the points still have to lie within 0..max.
            return new Scored(
                    checkedPoints(leaf.points(), max, null, path, problems), null, null, null, "points given");
        }
        return switch (node.rule()) {
            case Rule.Manual m ->
                leaf == null || leaf.points() == null
                        ? null
                        : new Scored(
                                checkedPoints(leaf.points(), max, m.step(), path, problems),
                                null,
                                null,
                                null,
                                "points given");
            case Rule.Survey s ->
                leaf == null || leaf.points() == null
                        ? null
                        : new Scored(
                                checkedPoints(leaf.points(), max, null, path, problems),
                                null,
                                null,
                                null,
                                "survey points");
            case Rule.Evidence e -> evidence(e, leaf, max, path, problems);
            case Rule.Adjustment a -> {
                if (leaf == null || leaf.points() == null) {
                    yield null;
                }
                BigDecimal p = leaf.points();
                if (a.capPositive() != null && p.compareTo(a.capPositive()) > 0) {
                    p = a.capPositive();
                }
                if (a.capNegative() != null && p.compareTo(a.capNegative().negate()) < 0) {
                    p = a.capNegative().negate();
                }
                yield new Scored(
                        p.setScale(POINT_SCALE, RoundingMode.HALF_UP),
                        null,
                        null,
                        null,
                        p.compareTo(leaf.points()) == 0 ? "adjustment" : "adjustment capped");
            }
            case Rule.Bands b -> {
                Ratio r = ratio(b.metric(), leaf, input, path, problems);
                if (r == null) {
                    yield null;
                }
                BigDecimal fraction = BigDecimal.ZERO;
                for (Rule.Bands.Band band : b.bands()) {
                    if (r.value.compareTo(band.min()) >= 0) {
                        fraction = band.fraction();
                        break;
                    }
                }
                yield new Scored(
                        points(max, fraction),
                        r.value,
                        r.numerator,
                        r.denominator,
                        "band " + fraction.stripTrailingZeros().toPlainString() + " of max at "
                                + r.value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %");
            }
            case Rule.Linear l -> {
                Ratio r = ratio(l.metric(), leaf, input, path, problems);
                if (r == null) {
                    yield null;
                }
                BigDecimal fraction = r.value
                        .subtract(l.floor())
                        .divide(l.target().subtract(l.floor()), EXACT_SCALE, RoundingMode.HALF_UP)
                        .max(BigDecimal.ZERO)
                        .min(BigDecimal.ONE);
                yield new Scored(points(max, fraction), r.value, r.numerator, r.denominator, "linear");
            }
            case Rule.Percent p -> {
                Ratio r = ratio(p.metric(), leaf, input, path, problems);
                if (r == null) {
                    yield null;
                }
                BigDecimal clamped = r.value.max(BigDecimal.ZERO).min(HUNDRED);
                yield new Scored(
                        points(max, clamped.divide(HUNDRED, EXACT_SCALE, RoundingMode.HALF_UP)),
                        r.value,
                        r.numerator,
                        r.denominator,
                        "percent of max");
            }
        };
    }

    private static Scored evidence(
            Rule.Evidence e, LeafInput leaf, BigDecimal max, String path, List<Violation> problems) {
        if (leaf == null || (leaf.level() == null && leaf.points() == null)) {
            return null;
        }
        if (leaf.level() != null) {
            for (Rule.Evidence.Level l : e.levels()) {
                if (l.code().equalsIgnoreCase(leaf.level())) {
                    return new Scored(points(max, l.fraction()), null, null, null, "evidence level " + l.code());
                }
            }
            problems.add(Violation.of(
                    Kind.INVALID_INPUT, path + ".level", "is not a level of this criterion", leaf.level()));
            return new Scored(BigDecimal.ZERO, null, null, null, "invalid level");
        }
        return new Scored(
                checkedPoints(leaf.points(), max, e.step(), path, problems), null, null, null, "points given");
    }

    private record Ratio(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}

    /** The percentage a rule reads: the leaf's own value or ratio, else the metric supplied for the unit. */
    private static Ratio ratio(String metric, LeafInput leaf, Input input, String path, List<Violation> problems) {
        if (leaf != null && leaf.numerator() != null && leaf.denominator() != null) {
            if (leaf.denominator().signum() <= 0 || leaf.numerator().signum() < 0) {
                problems.add(Violation.of(
                        Kind.INVALID_INPUT,
                        path + ".denominator",
                        "numerator must be ≥ 0 and denominator > 0",
                        leaf.denominator()));
                return new Ratio(BigDecimal.ZERO, leaf.numerator(), leaf.denominator());
            }
            BigDecimal value =
                    leaf.numerator().multiply(HUNDRED).divide(leaf.denominator(), EXACT_SCALE, RoundingMode.HALF_UP);
            return new Ratio(value, leaf.numerator(), leaf.denominator());
        }
        if (leaf != null && leaf.value() != null) {
            return new Ratio(leaf.value(), null, null);
        }
        BigDecimal fed = metric == null ? null : input.metrics().get(metric);
        return fed == null ? null : new Ratio(fed, null, null);
    }

    private static BigDecimal checkedPoints(
            BigDecimal points, BigDecimal max, BigDecimal step, String path, List<Violation> problems) {
        if (points.signum() < 0 || points.compareTo(max) > 0) {
            problems.add(new Violation(
                    Kind.SCORE_ABOVE_MAX,
                    path + ".points",
                    "must be between 0 and the maximum "
                            + max.stripTrailingZeros().toPlainString(),
                    points.toPlainString(),
                    java.util.Map.of("maxPoints", max)));
        } else if (step != null && points.remainder(step).signum() != 0) {
            problems.add(Violation.of(
                    Kind.SCORE_NOT_ON_STEP,
                    path + ".points",
                    "must be a multiple of " + step.stripTrailingZeros().toPlainString(),
                    points.toPlainString()));
        }
        return points.setScale(POINT_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal points(BigDecimal max, BigDecimal fraction) {
        return max.multiply(fraction).setScale(POINT_SCALE, RoundingMode.HALF_UP);
    }

    private static NodeResult result(
            CriteriaNode node,
            String parent,
            int depth,
            boolean applies,
            BigDecimal points,
            BigDecimal max,
            BigDecimal applicableMax,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String basis) {
        BigDecimal index = applicableMax.signum() == 0 || node.kind() == NodeKind.ADJUSTMENT
                ? null
                : points.multiply(HUNDRED).divide(applicableMax, 2, RoundingMode.HALF_UP);
        return new NodeResult(
                node.code(),
                parent,
                node.kind(),
                depth,
                applies,
                points,
                max,
                applicableMax,
                index,
                value == null ? null : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros(),
                numerator,
                denominator,
                basis);
    }

    /** The classification band of an index: the first band whose minimum it reaches (bands best first). */
    public static String band(CriteriaSet set, BigDecimal index) {
        if (index == null) {
            return null;
        }
        for (ClassificationBand b : set.bands()) {
            if (index.compareTo(b.minPercent()) >= 0) {
                return b.code();
            }
        }
        return null;
    }

    private static void collectCodes(List<CriteriaNode> nodes, Set<String> into) {
        for (CriteriaNode n : nodes) {
            into.add(n.code());
            collectCodes(n.children(), into);
        }
    }
}
