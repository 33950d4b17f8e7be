package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.NodeKind;

/**
 * A campaign's results: each unit's final leaf inputs evaluated by the criteria rules (not-applicable criteria
 * leave the maximum), ranked by the unrounded index (excluded units are not ranked), then compared with the
 * previous campaign.
 */
public final class ResultCalculator {

    private ResultCalculator() {}

    /** A member of the campaign with its stored scores by leaf code, and its exclusion if any. */
    public record UnitScores(
            String unitCode,
            String unitName,
            String unitType,
            Map<String, LeafScore> leaves,
            UnitResult.Exclusion excluded) {}

    /** Everything the computation needs besides the scores. */
    public record Context(
            CriteriaSet criteriaSet,
            boolean appraisalRequired,
            Map<String, YearOverYear.Previous> previous,
            Map<String, List<String>> oldCodesByNew,
            ComparisonRule rule) {}

    /** Results of all units, best first (ties and unranked units in unit-code order). */
    public static List<UnitResult> compute(Context context, List<UnitScores> units) {
        List<CriteriaNode> leaves = leaves(context.criteriaSet().nodes(), new ArrayList<>());
        Map<String, String> names = new HashMap<>();
        collectNames(context.criteriaSet().nodes(), names);
        List<Evaluation.Result> evaluated = new ArrayList<>(units.size());
        List<BigDecimal> rankable = new ArrayList<>(units.size());
        java.util.Set<String> adjustments = new java.util.HashSet<>();
        leaves.stream().filter(l -> l.kind() == NodeKind.ADJUSTMENT).forEach(l -> adjustments.add(l.code()));
        for (UnitScores unit : units) {
            Evaluation.Result r = evaluate(context, leaves, unit);
            evaluated.add(r);
            rankable.add(unit.excluded() == null ? r.indexPercentExact() : null);
        }
        List<Integer> ranks = Ranking.ranks(rankable);
        int outOf = Ranking.rankedCount(rankable);
        List<UnitResult> results = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            UnitScores unit = units.get(i);
            Evaluation.Result r = evaluated.get(i);
            Integer rank = ranks.get(i);
            YearOverYear.Change change = YearOverYear.compare(
                    new YearOverYear.Current(unit.unitCode(), r.totalPoints(), r.indexPercentExact(), rank, outOf),
                    context.previous(),
                    context.oldCodesByNew(),
                    context.rule());
            results.add(new UnitResult(
                    unit.unitCode(),
                    unit.unitName(),
                    r.totalPoints(),
                    r.applicableMax(),
                    r.indexPercentExact(),
                    r.indexPercent(),
                    subtotals(r, names, true),
                    subtotals(r, names, false),
                    rank,
                    outOf,
                    RankMeasure.display(RankMeasure.percentile(rank, outOf)),
                    r.band(),
                    change.previousPoints(),
                    RankMeasure.display(change.previousIndex()),
                    change.previousRank(),
                    change.previousRankOutOf(),
                    change.pointsChange(),
                    change.pointsChangeExact(),
                    change.rankChange(),
                    change.previousPercentile(),
                    change.percentileChange(),
                    change.comparison(),
                    requiredMissing(r, adjustments),
                    unit.excluded(),
                    false));
        }
        results.sort(Comparator.comparing(UnitResult::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitResult::unitCode));
        return results;
    }

    /** One unit's final scores evaluated by the criteria rules. */
    public static Evaluation.Result evaluate(Context context, List<CriteriaNode> leaves, UnitScores unit) {
        Map<String, LeafInput> inputs = new HashMap<>();
        for (CriteriaNode leaf : leaves) {
            LeafInput input = LeafScore.finalInput(leaf, unit.leaves().get(leaf.code()), context.appraisalRequired());
            if (input != null) {
                inputs.put(leaf.code(), input);
            }
        }
        return Evaluator.evaluate(context.criteriaSet(), new Evaluation.Input(unit.unitType(), Map.of(), inputs));
    }

    /** A unit's self scores as the rules evaluate them (for confirmation and for "what lost you points"). */
    public static Evaluation.Result evaluateSelf(CriteriaSet set, String unitType, Map<String, LeafScore> stored) {
        Map<String, LeafInput> inputs = new HashMap<>();
        stored.forEach((k, v) -> {
            LeafInput in = v.selfInput();
            if (in != null) {
                inputs.put(k, in);
            }
        });
        return Evaluator.evaluate(set, new Evaluation.Input(unitType, Map.of(), inputs));
    }

    /** The leaves of a tree in tree order. */
    public static List<CriteriaNode> leaves(List<CriteriaNode> nodes, List<CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            if (n.isLeaf()) {
                into.add(n);
            } else {
                leaves(n.children(), into);
            }
        }
        return into;
    }

    /**
     * Applicable leaves without a score, bonus and penalty leaves aside (no entry there means none was given):
     * a unit with any of these cannot be approved or published unless it is excluded.
     */
    private static List<String> requiredMissing(Evaluation.Result r, java.util.Set<String> adjustments) {
        if (r.missing().isEmpty()) {
            return List.of();
        }
        return r.missing().stream().filter(code -> !adjustments.contains(code)).toList();
    }

    /** Top-level nodes (parts) when {@code top}, else the fields, in tree order. */
    private static List<UnitResult.Subtotal> subtotals(Evaluation.Result r, Map<String, String> names, boolean top) {
        return r.nodes().stream()
                .filter(n -> top ? n.depth() == 0 : n.kind() == NodeKind.FIELD)
                .map(n -> new UnitResult.Subtotal(
                        n.code(),
                        names.get(n.code()),
                        n.kind().name(),
                        n.points(),
                        n.kind() == NodeKind.ADJUSTMENT ? null : n.applicableMax(),
                        n.indexPercent()))
                .toList();
    }

    private static void collectNames(List<CriteriaNode> nodes, Map<String, String> into) {
        for (CriteriaNode n : nodes) {
            into.put(n.code(), n.nameVi());
            collectNames(n.children(), into);
        }
    }
}
