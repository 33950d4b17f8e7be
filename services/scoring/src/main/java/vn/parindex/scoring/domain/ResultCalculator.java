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
 * leave the maximum), ranked by the unrounded index, then compared with the previous campaign.
 */
public final class ResultCalculator {

    private ResultCalculator() {}

    /** A member of the campaign with its stored scores by leaf code. */
    public record UnitScores(String unitCode, String unitName, String unitType, Map<String, LeafScore> leaves) {}

    /** Everything the computation needs besides the scores. */
    public record Context(
            CriteriaSet criteriaSet,
            boolean appraisalRequired,
            Map<String, YearOverYear.Previous> previous,
            Map<String, List<String>> oldCodesByNew,
            ComparisonRule rule) {}

    /** Results of all units, best first (ties in unit-code order). */
    public static List<UnitResult> compute(Context context, List<UnitScores> units) {
        List<CriteriaNode> leaves = leaves(context.criteriaSet().nodes(), new ArrayList<>());
        Map<String, String> fieldNames = new HashMap<>();
        collectFields(context.criteriaSet().nodes(), fieldNames);
        List<Evaluation.Result> evaluated = new ArrayList<>(units.size());
        for (UnitScores unit : units) {
            evaluated.add(evaluate(context, leaves, unit));
        }
        List<BigDecimal> indices =
                evaluated.stream().map(Evaluation.Result::indexPercentExact).toList();
        List<Integer> ranks = Ranking.ranks(indices);
        int outOf = Ranking.rankedCount(indices);
        List<UnitResult> results = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            UnitScores unit = units.get(i);
            Evaluation.Result r = evaluated.get(i);
            YearOverYear.Change change = YearOverYear.compare(
                    unit.unitCode(),
                    r.totalPoints(),
                    ranks.get(i),
                    context.previous(),
                    context.oldCodesByNew(),
                    context.rule());
            List<UnitResult.FieldResult> fields = r.nodes().stream()
                    .filter(n -> n.kind() == NodeKind.FIELD)
                    .map(n -> new UnitResult.FieldResult(
                            n.code(), fieldNames.get(n.code()), n.points(), n.applicableMax(), n.indexPercent()))
                    .toList();
            results.add(new UnitResult(
                    unit.unitCode(),
                    unit.unitName(),
                    r.totalPoints(),
                    r.applicableMax(),
                    r.indexPercentExact(),
                    r.indexPercent(),
                    fields,
                    ranks.get(i),
                    outOf,
                    r.band(),
                    change.previousPoints(),
                    change.previousRank(),
                    change.pointsChange(),
                    change.rankChange(),
                    change.basis(),
                    change.comparedWith(),
                    r.missing()));
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

    private static void collectFields(List<CriteriaNode> nodes, Map<String, String> into) {
        for (CriteriaNode n : nodes) {
            if (n.kind() == NodeKind.FIELD) {
                into.put(n.code(), n.nameVi());
            }
            collectFields(n.children(), into);
        }
    }
}
