package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Change against the previous campaign. The change is measured on the index (%), so that sets with different
 * maxima compare, unrounded for computation and rounded half-up to 2 places for display (95.435 − 91.41 = 4.025,
 * shown +4.03). Rank moves are places only between rankings of the same size; otherwise, and for units compared
 * with predecessors, they are a change of percentile rank ({@link RankMeasure}).
 */
public final class YearOverYear {

    private static final int EXACT = 10;

    private YearOverYear() {}

    /** A previous campaign's result of one unit: points, exact index, rank k out of N. */
    public record Previous(BigDecimal totalPoints, BigDecimal index, Integer rank, int rankOutOf, boolean imported) {}

    /** The unit's current result, as ranked. */
    public record Current(String unitCode, BigDecimal totalPoints, BigDecimal index, Integer rank, int rankOutOf) {}

    /** The comparison and its figures; {@code null} where there is nothing to compare. */
    public record Change(
            Comparison comparison,
            BigDecimal previousPoints,
            BigDecimal previousIndex,
            Integer previousRank,
            Integer previousRankOutOf,
            BigDecimal pointsChangeExact,
            BigDecimal pointsChange,
            Integer rankChange,
            BigDecimal previousPercentile,
            BigDecimal percentileChange) {

        static Change none(String why) {
            return new Change(Comparison.none(why), null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Compares a unit's result with the previous results. {@code oldCodesByNew} maps a unit code to the codes it
     * was formed from (the registry's lineage across the two campaigns' dates); the walk goes back until it meets
     * units that have a previous result.
     */
    public static Change compare(
            Current now, Map<String, Previous> previous, Map<String, List<String>> oldCodesByNew, ComparisonRule rule) {
        String unitCode = now.unitCode();
        if (previous.isEmpty()) {
            return Change.none("No previous campaign results");
        }
        Previous same = previous.get(unitCode);
        // A unit that absorbed others may keep its code (Tỉnh Lào Cai kept Yên Bái's 15): under
        // MEAN_OF_PREDECESSORS its lineage, not its code, says what it is compared with.
        boolean changed =
                oldCodesByNew.getOrDefault(unitCode, List.of()).stream().anyMatch(c -> !c.equals(unitCode));
        if (same != null && !(rule == ComparisonRule.MEAN_OF_PREDECESSORS && changed)) {
            return sameUnit(now, same);
        }
        if (rule != ComparisonRule.MEAN_OF_PREDECESSORS) {
            return Change.none(
                    same == null
                            ? "No previous result under the same code (rule NONE)"
                            : "Not compared: the unit changed and the rule is NONE");
        }
        if (now.index() == null) {
            return Change.none("No index to compare");
        }
        List<String> predecessors = predecessorsWithResults(unitCode, previous, oldCodesByNew);
        if (predecessors.isEmpty()) {
            return same == null ? Change.none("No predecessor has a previous result") : sameUnit(now, same);
        }
        return meanOf(now, predecessors, previous);
    }

    private static Change sameUnit(Current now, Previous same) {
        BigDecimal exact =
                now.index() == null || same.index() == null ? null : now.index().subtract(same.index());
        Integer rankChange = null;
        BigDecimal previousPercentile = null;
        BigDecimal percentileChange = null;
        RankMeasure measure = RankMeasure.NONE;
        String note;
        if (now.rank() != null && same.rank() != null && same.rankOutOf() == now.rankOutOf()) {
            measure = RankMeasure.PLACES;
            rankChange = same.rank() - now.rank();
            note = "Same unit; rank " + same.rank() + "/" + same.rankOutOf() + " before";
        } else if (now.rank() != null && same.rank() != null) {
            measure = RankMeasure.PERCENTILE;
            BigDecimal before = RankMeasure.percentile(same.rank(), same.rankOutOf());
            previousPercentile = RankMeasure.display(before);
            percentileChange = RankMeasure.display(
                    RankMeasure.percentile(now.rank(), now.rankOutOf()).subtract(before));
            note = "Same unit; rank " + same.rank() + "/" + same.rankOutOf() + " before, out of a different number"
                    + " of units: the move is in percentile rank, not places";
        } else {
            note = "Same unit; no rank to compare";
        }
        return new Change(
                new Comparison(Comparison.SAME_UNIT, List.of(now.unitCode()), measure, same.imported(), note),
                same.totalPoints(),
                same.index(),
                same.rank(),
                same.rankOutOf(),
                exact,
                RankMeasure.display(exact),
                rankChange,
                previousPercentile,
                percentileChange);
    }

    private static Change meanOf(Current now, List<String> predecessors, Map<String, Previous> previous) {
        BigDecimal n = BigDecimal.valueOf(predecessors.size());
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal index = BigDecimal.ZERO;
        BigDecimal percentiles = BigDecimal.ZERO;
        int ranked = 0;
        boolean imported = false;
        int outOf = 0;
        for (String code : predecessors) {
            Previous p = previous.get(code);
            points = points.add(p.totalPoints() == null ? BigDecimal.ZERO : p.totalPoints());
            index = index.add(p.index() == null ? BigDecimal.ZERO : p.index());
            imported |= p.imported();
            outOf = Math.max(outOf, p.rankOutOf());
            BigDecimal pct = RankMeasure.percentile(p.rank(), p.rankOutOf());
            if (pct != null) {
                percentiles = percentiles.add(pct);
                ranked++;
            }
        }
        BigDecimal meanIndex = index.divide(n, EXACT, RoundingMode.HALF_UP);
        BigDecimal exact = now.index().subtract(meanIndex);
        BigDecimal previousPercentile = null;
        BigDecimal percentileChange = null;
        RankMeasure measure = RankMeasure.NONE;
        if (ranked == predecessors.size() && now.rank() != null) {
            measure = RankMeasure.PERCENTILE;
            BigDecimal before = percentiles.divide(BigDecimal.valueOf(ranked), EXACT, RoundingMode.HALF_UP);
            previousPercentile = RankMeasure.display(before);
            percentileChange = RankMeasure.display(
                    RankMeasure.percentile(now.rank(), now.rankOutOf()).subtract(before));
        }
        return new Change(
                new Comparison(
                        Comparison.MEAN_OF_PREDECESSORS,
                        predecessors,
                        measure,
                        imported,
                        "Mean of the previous results of " + String.join(", ", predecessors)
                                + " (unweighted); no previous rank is invented"),
                points.divide(n, 3, RoundingMode.HALF_UP),
                meanIndex,
                null,
                outOf == 0 ? null : outOf,
                exact,
                RankMeasure.display(exact),
                null,
                previousPercentile,
                percentileChange);
    }

    /** The nearest predecessors (transitively) that have a previous result, sorted by code. */
    static List<String> predecessorsWithResults(
            String unitCode, Map<String, Previous> previous, Map<String, List<String>> oldCodesByNew) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(oldCodesByNew.getOrDefault(unitCode, List.of()));
        List<String> found = new ArrayList<>();
        while (!queue.isEmpty()) {
            String code = queue.poll();
            if (!seen.add(code)) {
                continue;
            }
            if (previous.containsKey(code)) {
                found.add(code);
            } else if (!code.equals(unitCode)) {
                queue.addAll(oldCodesByNew.getOrDefault(code, List.of()));
            }
        }
        found.sort(null);
        return found;
    }
}
