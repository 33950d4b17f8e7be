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

/** Change against the previous campaign: in points and in places, and which rule produced the comparison. */
public final class YearOverYear {

    private YearOverYear() {}

    /** A previous campaign's result of one unit. */
    public record Previous(BigDecimal totalPoints, Integer rank) {}

    /**
     * The comparison. {@code basis}: {@code SAME_UNIT}, {@code MEAN_OF_PREDECESSORS}, or {@code NONE} when there is
     * nothing to compare with; {@code comparedWith} lists the previous units used.
     */
    public record Change(
            BigDecimal previousPoints,
            Integer previousRank,
            BigDecimal pointsChange,
            Integer rankChange,
            String basis,
            List<String> comparedWith) {

        static Change none() {
            return new Change(null, null, null, null, "NONE", List.of());
        }
    }

    /**
     * Compares a unit's points and rank with the previous results. {@code oldCodesByNew} maps a unit code to the
     * codes it was formed from (one step of the registry's lineage); the walk goes back until it meets units that
     * have a previous result. A positive {@code rankChange} means the unit moved up.
     */
    public static Change compare(
            String unitCode,
            BigDecimal points,
            Integer rank,
            Map<String, Previous> previous,
            Map<String, List<String>> oldCodesByNew,
            ComparisonRule rule) {
        Previous same = previous.get(unitCode);
        // A unit that absorbed others may keep its code (Tỉnh Lào Cai kept Yên Bái's 15): under
        // MEAN_OF_PREDECESSORS its lineage, not its code, says what it is compared with.
        boolean changed =
                oldCodesByNew.getOrDefault(unitCode, List.of()).stream().anyMatch(c -> !c.equals(unitCode));
        if (same != null && !(rule == ComparisonRule.MEAN_OF_PREDECESSORS && changed)) {
            return sameUnit(unitCode, points, rank, same);
        }
        if (rule != ComparisonRule.MEAN_OF_PREDECESSORS || points == null) {
            return Change.none();
        }
        List<String> predecessors = predecessorsWithResults(unitCode, previous, oldCodesByNew);
        if (predecessors.isEmpty()) {
            return same == null ? Change.none() : sameUnit(unitCode, points, rank, same);
        }
        BigDecimal sum =
                predecessors.stream().map(c -> previous.get(c).totalPoints()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(predecessors.size()), 3, RoundingMode.HALF_UP);
        return new Change(mean, null, points.subtract(mean), null, "MEAN_OF_PREDECESSORS", predecessors);
    }

    private static Change sameUnit(String unitCode, BigDecimal points, Integer rank, Previous same) {
        return new Change(
                same.totalPoints(),
                same.rank(),
                points == null ? null : points.subtract(same.totalPoints()),
                same.rank() == null || rank == null ? null : same.rank() - rank,
                "SAME_UNIT",
                List.of(unitCode));
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
