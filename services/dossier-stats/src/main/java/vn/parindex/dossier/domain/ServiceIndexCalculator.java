package vn.parindex.dossier.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service index of one unit and period from its counts, and the ranking of peers. Rules (Decision 766/QĐ-TTg,
 * as this project applies it; see docs/domain.md):
 *
 * <ul>
 *   <li>value = numerator / denominator × 100, 2 decimals half-up; an indicator with no records (denominator 0) is
 *       <b>missing</b>: no value, no points — never 0 or 100;
 *   <li>points = weight × numerator / denominator, 2 decimals half-up (from the counts, not the rounded value);
 *   <li>a group's points add its indicators' points; its available points add the weights of indicators with data;
 *   <li>score = total points / available points × 100 (2 decimals): a unit is not marked down for data it does not
 *       send, and {@code complete} tells whether all indicators had data; band from the score; no score without any
 *       data;
 *   <li>rank: by score, highest first; equal scores share a rank (1, 1, 3); units without a score are not ranked.
 * </ul>
 */
public final class ServiceIndexCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ServiceIndexCalculator() {}

    public record IndicatorResult(
            String code,
            String group,
            BigDecimal weight,
            BigDecimal value,
            long numerator,
            long denominator,
            BigDecimal points,
            boolean missing,
            String formula) {}

    public record GroupResult(String code, BigDecimal maxPoints, BigDecimal availablePoints, BigDecimal points) {}

    /** One unit's index for one period; rank and rankedOf are set by {@link #rank}. */
    public record UnitResult(
            String unitCode,
            List<IndicatorResult> indicators,
            List<GroupResult> groups,
            BigDecimal totalPoints,
            BigDecimal availablePoints,
            BigDecimal score,
            String band,
            boolean complete,
            Integer rank,
            int rankedOf) {

        UnitResult ranked(Integer k, int n) {
            return new UnitResult(
                    unitCode, indicators, groups, totalPoints, availablePoints, score, band, complete, k, n);
        }
    }

    public static UnitResult compute(ServiceIndexDefinition def, String unitCode, Map<Indicator, Fraction> counts) {
        List<IndicatorResult> indicators = new ArrayList<>();
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        boolean complete = true;
        for (ServiceIndexDefinition.Group g : def.groups()) {
            BigDecimal groupPoints = BigDecimal.ZERO;
            BigDecimal groupAvailable = BigDecimal.ZERO;
            for (ServiceIndexDefinition.IndicatorDef i : g.indicators()) {
                Fraction f = counts.getOrDefault(Indicator.valueOf(i.code()), Fraction.NONE);
                boolean missing = f.denominator() == 0;
                BigDecimal value = missing ? null : ratio(HUNDRED, f);
                BigDecimal points = missing ? null : ratio(i.weight(), f);
                indicators.add(new IndicatorResult(
                        i.code(),
                        g.code(),
                        i.weight(),
                        value,
                        f.numerator(),
                        f.denominator(),
                        points,
                        missing,
                        i.formula()));
                if (missing) {
                    complete = false;
                } else {
                    groupPoints = groupPoints.add(points);
                    groupAvailable = groupAvailable.add(i.weight());
                }
            }
            groups.add(new GroupResult(
                    g.code(), g.points(), groupAvailable, groupAvailable.signum() == 0 ? null : groupPoints));
            total = total.add(groupPoints);
            available = available.add(groupAvailable);
        }
        BigDecimal score =
                available.signum() == 0 ? null : total.multiply(HUNDRED).divide(available, 2, RoundingMode.HALF_UP);
        return new UnitResult(
                unitCode,
                indicators,
                groups,
                available.signum() == 0 ? null : total,
                available,
                score,
                def.band(score),
                complete,
                null,
                0);
    }

    /** {@code weight × numerator / denominator}, 2 decimals half-up. */
    public static BigDecimal ratio(BigDecimal weight, Fraction f) {
        return weight.multiply(BigDecimal.valueOf(f.numerator()))
                .divide(BigDecimal.valueOf(f.denominator()), 2, RoundingMode.HALF_UP);
    }

    /**
     * Ranks units by score, highest first; equal scores share the rank (1, 1, 3); a unit without a score has no rank.
     * N is the number of ranked units. Order: ranked units by rank then code, then the unranked by code.
     */
    public static List<UnitResult> rank(List<UnitResult> units) {
        List<UnitResult> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(UnitResult::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(UnitResult::unitCode));
        int n = (int) units.stream().filter(u -> u.score() != null).count();
        Map<String, UnitResult> out = new LinkedHashMap<>();
        int k = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            UnitResult u = sorted.get(i);
            if (u.score() == null) {
                out.put(u.unitCode(), u.ranked(null, n));
                continue;
            }
            if (previous == null || u.score().compareTo(previous) != 0) {
                k = i + 1;
                previous = u.score();
            }
            out.put(u.unitCode(), u.ranked(k, n));
        }
        return List.copyOf(out.values());
    }
}
