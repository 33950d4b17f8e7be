package vn.parindex.scoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.domain.Comparison;
import vn.parindex.scoring.domain.RankMeasure;
import vn.parindex.scoring.domain.Ranking;
import vn.parindex.scoring.domain.UnitResult;

/**
 * A table of results as a decision published it, checked against the campaign's set and members and turned into
 * results: the index is the published one (or total ÷ the set's maximum), ranks are the published ones (or ranked
 * by the index when the table gives none), part totals must add up to the total. Every member has a line unless
 * it is excluded.
 */
public final class PublishedTable {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private PublishedTable() {}

    /** A campaign member: code, name, exclusion. */
    public record Member(String unitCode, String unitName, UnitResult.Exclusion excluded) {}

    /** The results of the table, best first; or a 400 listing every bad line. */
    public static List<UnitResult> results(
            CriteriaSet set, List<Member> members, List<PublicationDto.PublishedResult> rows) {
        Map<String, Member> byCode = new LinkedHashMap<>();
        members.forEach(m -> byCode.put(m.unitCode(), m));
        Map<String, CriteriaNode> top = new HashMap<>();
        set.nodes().forEach(n -> top.put(n.code(), n));
        Map<String, CriteriaNode> fields = new HashMap<>();
        collectFields(set.nodes(), fields);
        BigDecimal max = set.totalPoints();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long ranked = rows.stream().filter(r -> r.rank() != null).count();
        if (ranked != 0 && ranked != rows.size()) {
            errors.add(FieldError.of("results", "give rank on every line or on none", ranked + " of " + rows.size()));
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PublicationDto.PublishedResult r = rows.get(i);
            String path = "results[" + i + "]";
            Member m = byCode.get(r.unitCode());
            if (m == null) {
                errors.add(FieldError.of(path + ".unitCode", "is not a member of the campaign", r.unitCode()));
                continue;
            }
            if (!seen.add(r.unitCode())) {
                errors.add(FieldError.of(path + ".unitCode", "appears twice", r.unitCode()));
                continue;
            }
            BigDecimal index = r.indexPercent();
            BigDecimal total = r.totalPoints();
            if (index == null && total == null) {
                errors.add(FieldError.of(path + ".totalPoints", "give totalPoints or indexPercent"));
                continue;
            }
            if (index == null && (max == null || max.signum() == 0)) {
                errors.add(FieldError.of(path + ".indexPercent", "the set has no maximum: give indexPercent"));
                continue;
            }
            if (index == null) {
                index = total.multiply(HUNDRED).divide(max, 10, RoundingMode.HALF_UP);
            }
            if (total == null) {
                total = max == null ? index : index.multiply(max).divide(HUNDRED, 3, RoundingMode.HALF_UP);
            }
            if (index.signum() < 0 || index.compareTo(HUNDRED) > 0) {
                errors.add(FieldError.of(path + ".indexPercent", "must be between 0 and 100", index.toPlainString()));
                continue;
            }
            if (total.signum() < 0 || (max != null && total.compareTo(max) > 0)) {
                errors.add(FieldError.of(
                        path + ".totalPoints",
                        "must be between 0 and the set's maximum " + max,
                        total.toPlainString()));
                continue;
            }
            List<UnitResult.Subtotal> parts = subtotals(r.parts(), top, path + ".parts", errors);
            List<UnitResult.Subtotal> fieldTotals = subtotals(r.fields(), fields, path + ".fields", errors);
            if (parts.size() == top.size() && !parts.isEmpty()) {
                BigDecimal sum =
                        parts.stream().map(UnitResult.Subtotal::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(total).abs().compareTo(TOLERANCE) > 0) {
                    errors.add(FieldError.of(
                            path + ".parts",
                            "add up to " + sum.toPlainString() + ", not to the total " + total.toPlainString(),
                            sum.toPlainString()));
                }
            }
            out.add(new Line(m, total, index, r.rank(), parts, fieldTotals));
        }
        List<String> missing = byCode.values().stream()
                .filter(m -> m.excluded() == null && !seen.contains(m.unitCode()))
                .map(Member::unitCode)
                .toList();
        if (!missing.isEmpty()) {
            errors.add(FieldError.of(
                    "results",
                    "no line for " + missing.size() + " member(s): "
                            + String.join(", ", missing.stream().limit(20).toList())
                            + " (exclude a unit with a reason if the table leaves it out)",
                    missing.getFirst()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    ScoringError.INVALID_RESULTS,
                    errors.size() + " problem(s) in the published table, e.g. "
                            + errors.getFirst().field() + " "
                            + errors.getFirst().message() + "; nothing was stored",
                    errors.stream().limit(200).toList());
        }
        byCode.values().stream()
                .filter(m -> m.excluded() != null && !seen.contains(m.unitCode()))
                .forEach(m -> out.add(new Line(m, null, null, null, List.of(), List.of())));
        return ranked(set, out, ranked == 0);
    }

    /** One line as checked: a member with its published figures (none for an excluded member without a line). */
    private record Line(
            Member member,
            BigDecimal total,
            BigDecimal index,
            Integer rank,
            List<UnitResult.Subtotal> parts,
            List<UnitResult.Subtotal> fields) {}

    /** Results with ranks (published, or by index) out of the ranked lines, and percentiles; best first. */
    private static List<UnitResult> ranked(CriteriaSet set, List<Line> lines, boolean rankByIndex) {
        List<BigDecimal> values = lines.stream()
                .map(l -> l.member().excluded() == null ? l.index() : null)
                .toList();
        List<Integer> computed = Ranking.ranks(values);
        int n = Ranking.rankedCount(values);
        List<UnitResult> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Integer rank = l.member().excluded() != null ? null : rankByIndex ? computed.get(i) : l.rank();
            out.add(new UnitResult(
                    l.member().unitCode(),
                    l.member().unitName(),
                    l.total(),
                    set.totalPoints(),
                    l.index(),
                    l.index() == null ? null : l.index().setScale(2, RoundingMode.HALF_UP),
                    l.parts(),
                    l.fields(),
                    rank,
                    n,
                    RankMeasure.display(RankMeasure.percentile(rank, n)),
                    Evaluator.band(set, l.index()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new Comparison(
                            Comparison.NONE, List.of(), RankMeasure.NONE, false, "Imported from a published table"),
                    List.of(),
                    l.member().excluded(),
                    true));
        }
        out.sort(Comparator.comparing(UnitResult::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitResult::unitCode));
        return out;
    }

    private static List<UnitResult.Subtotal> subtotals(
            List<PublicationDto.PublishedSubtotal> given,
            Map<String, CriteriaNode> nodes,
            String path,
            List<FieldError> errors) {
        List<UnitResult.Subtotal> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        for (int i = 0; i < given.size(); i++) {
            PublicationDto.PublishedSubtotal s = given.get(i);
            CriteriaNode node = nodes.get(s.code());
            if (node == null) {
                errors.add(FieldError.of(path + "[" + i + "].code", "is not such a node of the set", s.code()));
                continue;
            }
            boolean adjustment = node.kind() == NodeKind.ADJUSTMENT;
            BigDecimal nodeMax = adjustment ? null : node.maxPoints();
            if (!adjustment
                    && (s.points().signum() < 0
                            || (nodeMax != null && s.points().compareTo(nodeMax) > 0))) {
                errors.add(FieldError.of(
                        path + "[" + i + "].points",
                        "must be between 0 and the maximum " + nodeMax,
                        s.points().toPlainString()));
                continue;
            }
            out.add(new UnitResult.Subtotal(
                    node.code(),
                    s.points(),
                    nodeMax,
                    nodeMax == null || nodeMax.signum() == 0
                            ? null
                            : s.points().multiply(HUNDRED).divide(nodeMax, 2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    private static void collectFields(List<CriteriaNode> nodes, Map<String, CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            if (n.kind() == NodeKind.FIELD) {
                into.put(n.code(), n);
            }
            collectFields(n.children(), into);
        }
    }
}
