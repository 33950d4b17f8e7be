package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's result in a campaign: points, index (exact for ranking, rounded half-up to 2 decimals for display),
 * field sub-totals, rank "k/N" in the peer group, band, and the change against the previous campaign.
 */
public record UnitResult(
        String unitCode,
        String unitName,
        BigDecimal totalPoints,
        BigDecimal applicableMax,
        BigDecimal indexPercentExact,
        BigDecimal indexPercent,
        List<FieldResult> fields,
        Integer rank,
        int rankOutOf,
        String band,
        BigDecimal previousPoints,
        Integer previousRank,
        BigDecimal pointsChange,
        Integer rankChange,
        String comparison,
        List<String> comparedWith,
        List<String> missing) {

    /** A field's (lĩnh vực) points against its maximum for the unit. */
    public record FieldResult(
            String code, String name, BigDecimal points, BigDecimal maxPoints, BigDecimal indexPercent) {}
}
