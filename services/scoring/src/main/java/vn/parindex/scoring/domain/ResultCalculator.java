package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** What the evaluation of every unit of a set needs once: its leaves and its bonus/penalty leaves. */
    public record Prepared(List<CriteriaNode> leaves, Set<String> adjustments) {

        public static Prepared of(CriteriaSet set) {
            List<CriteriaNode> leaves = ResultCalculator.leaves(set.nodes(), new ArrayList<>());
            Set<String> adjustments = new HashSet<>();
            leaves.stream().filter(l -> l.kind() == NodeKind.ADJUSTMENT).forEach(l -> adjustments.add(l.code()));
            return new Prepared(List.copyOf(leaves), Set.copyOf(adjustments));
        }
    }

    /**
     * One unit's scores evaluated: everything its result line needs that does not depend on the other units, so
     * it can be kept until the unit's own scores change.
     */
    public record Evaluated(
            String unitCode,
            String unitName,
            BigDecimal totalPoints,
            BigDecimal applicableMax,
            BigDecimal indexPercentExact,
            BigDecimal indexPercent,
            String band,
            List<UnitResult.Subtotal> parts,
            List<UnitResult.Subtotal> fields,
            List<String> missing) {}

    /** Results of all units, best first (ties and unranked units in unit-code order). */
    public static List<UnitResult> compute(Context context, List<UnitScores> units) {
        Prepared prepared = Prepared.of(context.criteriaSet());
        List<Evaluated> evaluated = new ArrayList<>(units.size());
        Map<String, UnitResult.Exclusion> excluded = new HashMap<>();
        for (UnitScores unit : units) {
            evaluated.add(evaluateUnit(context, prepared, unit));
            if (unit.excluded() != null) {
                excluded.put(unit.unitCode(), unit.excluded());
            }
        }
        return rank(context, evaluated, excluded);
    }

    /** One unit's result line before ranking. */
    public static Evaluated evaluateUnit(Context context, Prepared prepared, UnitScores unit) {
        Evaluation.Result r = evaluate(context, prepared.leaves(), unit);
        return new Evaluated(
                unit.unitCode(),
                unit.unitName(),
                r.totalPoints(),
                r.applicableMax(),
                r.indexPercentExact(),
                r.indexPercent(),
                r.band(),
                subtotals(r, true),
                subtotals(r, false),
                requiredMissing(r, prepared.adjustments()));
    }

    /**
     * Ranks evaluated units by their unrounded index (excluded units are not ranked) and compares each with the
     * previous campaign; best first, ties and unranked units in unit-code order.
     */
    public static List<UnitResult> rank(
            Context context, List<Evaluated> evaluated, Map<String, UnitResult.Exclusion> excluded) {
        List<BigDecimal> rankable = new ArrayList<>(evaluated.size());
        for (Evaluated e : evaluated) {
            rankable.add(excluded.containsKey(e.unitCode()) ? null : e.indexPercentExact());
        }
        List<Integer> ranks = Ranking.ranks(rankable);
        int outOf = Ranking.rankedCount(rankable);
        List<UnitResult> results = new ArrayList<>(evaluated.size());
        for (int i = 0; i < evaluated.size(); i++) {
            Evaluated e = evaluated.get(i);
            Integer rank = ranks.get(i);
            YearOverYear.Change change = YearOverYear.compare(
                    new YearOverYear.Current(e.unitCode(), e.totalPoints(), e.indexPercentExact(), rank, outOf),
                    context.previous(),
                    context.oldCodesByNew(),
                    context.rule());
            results.add(new UnitResult(
                    e.unitCode(),
                    e.unitName(),
                    e.totalPoints(),
                    e.applicableMax(),
                    e.indexPercentExact(),
                    e.indexPercent(),
                    e.parts(),
                    e.fields(),
                    rank,
                    outOf,
                    RankMeasure.display(RankMeasure.percentile(rank, outOf)),
                    e.band(),
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
                    e.missing(),
                    excluded.get(e.unitCode()),
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
    private static List<String> requiredMissing(Evaluation.Result r, Set<String> adjustments) {
        if (r.missing().isEmpty()) {
            return List.of();
        }
        return r.missing().stream().filter(code -> !adjustments.contains(code)).toList();
    }

    /** Top-level nodes (parts) when {@code top}, else the fields, in tree order. */
    private static List<UnitResult.Subtotal> subtotals(Evaluation.Result r, boolean top) {
        return r.nodes().stream()
                .filter(n -> top ? n.depth() == 0 : n.kind() == NodeKind.FIELD)
                .map(n -> new UnitResult.Subtotal(
                        n.code(),
                        n.points(),
                        n.kind() == NodeKind.ADJUSTMENT ? null : n.applicableMax(),
                        n.indexPercent()))
                .toList();
    }

    /** The nodes results give sub-totals of: the top-level nodes (parts), then the fields, in tree order. */
    public static List<UnitResult.SubtotalNode> subtotalNodes(CriteriaSet set) {
        List<UnitResult.SubtotalNode> nodes = new ArrayList<>();
        for (CriteriaNode top : set.nodes()) {
            nodes.add(node(top, null, true));
        }
        collectFields(set.nodes(), null, nodes);
        return nodes;
    }

    private static UnitResult.SubtotalNode node(CriteriaNode n, String parent, boolean part) {
        return new UnitResult.SubtotalNode(
                n.code(),
                n.nameVi(),
                n.kind().name(),
                parent,
                part,
                n.kind() == NodeKind.ADJUSTMENT ? null : n.maxPoints());
    }

    private static void collectFields(List<CriteriaNode> nodes, String parent, List<UnitResult.SubtotalNode> into) {
        for (CriteriaNode n : nodes) {
            if (n.kind() == NodeKind.FIELD) {
                into.add(node(n, parent, false));
            }
            collectFields(n.children(), n.code(), into);
        }
    }
}
