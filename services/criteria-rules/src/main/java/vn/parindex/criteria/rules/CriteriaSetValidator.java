package vn.parindex.criteria.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.parindex.criteria.rules.Violation.Kind;

/**
 * Checks a whole criteria set: children's maxima sum to their parent's (adjustments aside), the top level sums
 * to the total, node codes are unique, rules are complete, band tables are ordered and metrics are known.
 * Every violation names the path of the field, e.g. {@code nodes[0].children[2].maxPoints}.
 */
public final class CriteriaSetValidator {

    private static final int MAX_SCALE = 3;

    private CriteriaSetValidator() {}

    public static List<Violation> validate(CriteriaSet set) {
        List<Violation> out = new ArrayList<>();
        if (set.code() == null || !set.code().matches("[A-Za-z0-9._-]{1,64}")) {
            out.add(Violation.of(
                    Kind.INVALID_SET, "code", "must be 1–64 letters, digits, '.', '-' or '_'", set.code()));
        }
        if (set.name() == null || set.name().isBlank()) {
            out.add(Violation.of(Kind.INVALID_SET, "name", "is required", null));
        }
        if (set.year() < 1990 || set.year() > 2100) {
            out.add(Violation.of(Kind.INVALID_SET, "year", "must be between 1990 and 2100", set.year()));
        }
        if (set.targetLevel() == null) {
            out.add(Violation.of(Kind.INVALID_SET, "targetLevel", "is required", null));
        }
        if (set.totalPoints() == null
                || set.totalPoints().signum() <= 0
                || set.totalPoints().scale() > MAX_SCALE) {
            out.add(Violation.of(
                    Kind.INVALID_SET, "totalPoints", "must be positive with at most 3 decimals", set.totalPoints()));
        }
        if (set.nodes().isEmpty()) {
            out.add(Violation.of(Kind.INVALID_SET, "nodes", "a criteria set needs at least one node", null));
        }
        checkClassification(set.bands(), out);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < set.nodes().size(); i++) {
            checkNode(set.nodes().get(i), "nodes[" + i + "]", codes, out);
        }
        BigDecimal top = sumOfMaxima(set.nodes());
        if (set.totalPoints() != null && top != null && top.compareTo(set.totalPoints()) != 0) {
            out.add(new Violation(
                    Kind.POINTS_MISMATCH,
                    "nodes",
                    "the top-level nodes sum to " + top.stripTrailingZeros().toPlainString() + " but totalPoints is "
                            + set.totalPoints().stripTrailingZeros().toPlainString(),
                    top.toPlainString(),
                    Map.of("node", "(set)", "childrenSum", top, "maxPoints", set.totalPoints())));
        }
        return out;
    }

    private static void checkNode(CriteriaNode node, String path, Set<String> codes, List<Violation> out) {
        if (node.code() == null || !node.code().matches("[A-Za-z0-9._-]{1,32}")) {
            out.add(Violation.of(
                    Kind.INVALID_SET, path + ".code", "must be 1–32 letters, digits, '.', '-' or '_'", node.code()));
        } else if (!codes.add(node.code())) {
            out.add(Violation.of(
                    Kind.DUPLICATE_NODE_CODE, path + ".code", "is used by another node of the set", node.code()));
        }
        if (node.nameVi() == null || node.nameVi().isBlank()) {
            out.add(Violation.of(Kind.INVALID_SET, path + ".nameVi", "is required", null));
        }
        if (node.kind() == null) {
            out.add(Violation.of(Kind.INVALID_SET, path + ".kind", "is required", null));
            return;
        }
        boolean adjustment = node.kind() == NodeKind.ADJUSTMENT;
        BigDecimal max = node.maxPoints();
        if (!adjustment && (max == null || max.signum() < 0 || max.scale() > MAX_SCALE)) {
            out.add(Violation.of(
                    Kind.INVALID_SET, path + ".maxPoints", "must be 0 or more with at most 3 decimals", max));
        }
        if (adjustment != node.rule() instanceof Rule.Adjustment) {
            out.add(Violation.of(
                    Kind.INVALID_RULE,
                    path + ".rule",
                    "an ADJUSTMENT node, and only it, has an ADJUSTMENT rule",
                    node.code()));
        }
        if (node.isLeaf()) {
            if (node.rule() == null) {
                out.add(Violation.of(Kind.INVALID_RULE, path + ".rule", "a leaf needs a scoring rule", node.code()));
            } else {
                checkRule(node, path + ".rule", out);
            }
        } else {
            if (adjustment) {
                out.add(Violation.of(
                        Kind.INVALID_SET, path + ".children", "an adjustment cannot have children", node.code()));
            }
            if (node.rule() != null && !adjustment) {
                out.add(Violation.of(
                        Kind.INVALID_RULE,
                        path + ".rule",
                        "only leaves have rules; this node sums its children",
                        node.code()));
            }
            for (int i = 0; i < node.children().size(); i++) {
                checkNode(node.children().get(i), path + ".children[" + i + "]", codes, out);
            }
            BigDecimal sum = sumOfMaxima(node.children());
            if (sum != null && max != null && sum.compareTo(max) != 0) {
                out.add(new Violation(
                        Kind.POINTS_MISMATCH,
                        path + ".children",
                        "node " + node.code() + ": children sum to "
                                + sum.stripTrailingZeros().toPlainString() + " but its maxPoints is "
                                + max.stripTrailingZeros().toPlainString(),
                        sum.toPlainString(),
                        Map.of("node", node.code(), "childrenSum", sum, "maxPoints", max)));
            }
        }
        if (node.scoreSource() == ScoreSource.AUTO) {
            String metric = node.rule() == null ? null : node.rule().metric();
            boolean fed = metric != null
                    && Metric.byName(metric)
                            .map(m -> m.origin() == Metric.Origin.DOSSIER_STATS)
                            .orElse(false);
            if (!fed) {
                out.add(Violation.of(
                        Kind.INVALID_RULE,
                        path + ".scoreSource",
                        "AUTO needs a rule reading a dossier-statistics metric",
                        metric));
            }
        }
    }

    private static void checkRule(CriteriaNode node, String path, List<Violation> out) {
        Rule rule = node.rule();
        if (rule.metric() != null && Metric.byName(rule.metric()).isEmpty()) {
            out.add(Violation.of(
                    Kind.UNKNOWN_METRIC,
                    path + ".metric",
                    "is not a known metric (see GET /api/metrics)",
                    rule.metric()));
        }
        switch (rule) {
            case Rule.Manual m -> checkStep(m.step(), path, out);
            case Rule.Evidence e -> {
                checkStep(e.step(), path, out);
                if (e.levels() == null || e.levels().isEmpty()) {
                    out.add(Violation.of(
                            Kind.INVALID_RULE, path + ".levels", "an EVIDENCE rule lists its levels", null));
                } else {
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < e.levels().size(); i++) {
                        Rule.Evidence.Level l = e.levels().get(i);
                        if (l.code() == null || !seen.add(l.code())) {
                            out.add(Violation.of(
                                    Kind.INVALID_RULE,
                                    path + ".levels[" + i + "].code",
                                    "must be present and unique",
                                    l.code()));
                        }
                        checkFraction(l.fraction(), path + ".levels[" + i + "].fraction", out);
                    }
                }
            }
            case Rule.Bands b -> {
                if (b.metric() == null) {
                    out.add(Violation.of(Kind.UNKNOWN_METRIC, path + ".metric", "a BANDS rule names its metric", null));
                }
                if (b.bands() == null || b.bands().isEmpty()) {
                    out.add(Violation.of(
                            Kind.INVALID_RULE, path + ".bands", "a BANDS rule needs at least one band", null));
                } else {
                    for (int i = 0; i < b.bands().size(); i++) {
                        Rule.Bands.Band band = b.bands().get(i);
                        if (band.min() == null) {
                            out.add(Violation.of(
                                    Kind.INVALID_RULE, path + ".bands[" + i + "].min", "is required", null));
                        } else if (i > 0
                                && b.bands().get(i - 1).min() != null
                                && band.min().compareTo(b.bands().get(i - 1).min()) >= 0) {
                            out.add(Violation.of(
                                    Kind.INVALID_RULE,
                                    path + ".bands[" + i + "].min",
                                    "bands must be ordered by strictly decreasing min",
                                    band.min()));
                        }
                        checkFraction(band.fraction(), path + ".bands[" + i + "].fraction", out);
                    }
                }
            }
            case Rule.Linear l -> {
                if (l.metric() == null) {
                    out.add(Violation.of(
                            Kind.UNKNOWN_METRIC, path + ".metric", "a LINEAR rule names its metric", null));
                }
                if (l.floor() == null || l.target() == null || l.floor().compareTo(l.target()) >= 0) {
                    out.add(Violation.of(
                            Kind.INVALID_RULE,
                            path + ".target",
                            "floor and target are required, floor < target",
                            l.target()));
                }
            }
            case Rule.Percent p -> {
                if (p.metric() == null) {
                    out.add(Violation.of(
                            Kind.UNKNOWN_METRIC, path + ".metric", "a PERCENT rule names its metric", null));
                }
            }
            case Rule.Adjustment a -> {
                if ((a.capPositive() != null && a.capPositive().signum() < 0)
                        || (a.capNegative() != null && a.capNegative().signum() < 0)) {
                    out.add(Violation.of(
                            Kind.INVALID_RULE,
                            path,
                            "caps are given as 0 or more (capNegative 5 allows −5)",
                            node.code()));
                }
            }
            case Rule.Survey s -> {}
        }
    }

    private static void checkStep(BigDecimal step, String path, List<Violation> out) {
        if (step != null && step.signum() <= 0) {
            out.add(Violation.of(Kind.INVALID_RULE, path + ".step", "must be positive", step));
        }
    }

    private static void checkFraction(BigDecimal f, String path, List<Violation> out) {
        if (f == null || f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
            out.add(Violation.of(Kind.INVALID_RULE, path, "must be between 0 and 1", f));
        }
    }

    private static void checkClassification(List<ClassificationBand> bands, List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            ClassificationBand b = bands.get(i);
            String path = "bands[" + i + "]";
            if (b.code() == null || !seen.add(b.code())) {
                out.add(Violation.of(Kind.INVALID_SET, path + ".code", "must be present and unique", b.code()));
            }
            if (b.minPercent() == null
                    || b.minPercent().signum() < 0
                    || b.minPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                out.add(Violation.of(
                        Kind.INVALID_SET, path + ".minPercent", "must be between 0 and 100", b.minPercent()));
            } else if (i > 0
                    && bands.get(i - 1).minPercent() != null
                    && b.minPercent().compareTo(bands.get(i - 1).minPercent()) >= 0) {
                out.add(Violation.of(
                        Kind.INVALID_SET,
                        path + ".minPercent",
                        "bands must be ordered by strictly decreasing minPercent",
                        b.minPercent()));
            }
        }
    }

    /** Sum of the children's maxima, adjustments aside; {@code null} when a maximum is missing. */
    static BigDecimal sumOfMaxima(List<CriteriaNode> nodes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CriteriaNode n : nodes) {
            if (n.kind() == NodeKind.ADJUSTMENT) {
                continue;
            }
            if (n.maxPoints() == null) {
                return null;
            }
            sum = sum.add(n.maxPoints());
        }
        return sum;
    }
}
