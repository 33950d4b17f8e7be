package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One unit's result in a campaign: points, index (exact for ranking, rounded half-up to 2 decimals for display),
 * every part and field sub-total, rank "k/N" in the peer group with its percentile, band, and the change against
 * the previous campaign with the rule that produced it.
 */
@Schema(name = "UnitResult")
public record UnitResult(
        String unitCode,
        String unitName,
        BigDecimal totalPoints,
        BigDecimal applicableMax,
        BigDecimal indexPercentExact,
        BigDecimal indexPercent,

        @Schema(description = "Top-level sub-totals (parts, and adjustments): their points add up to totalPoints")
        List<Subtotal> parts,

        @Schema(description = "Field (lĩnh vực) sub-totals") List<Subtotal> fields,

        @Schema(description = "Null when the unit is excluded or has no index")
        Integer rank,

        int rankOutOf,

        @Schema(description = "Percentile rank: (N − rank) / (N − 1) × 100, 2 decimals")
        BigDecimal percentile,

        String band,
        BigDecimal previousPoints,

        @Schema(description = "The previous index (%), or the mean of the predecessors' indices")
        BigDecimal previousIndexPercent,

        Integer previousRank,

        @Schema(description = "N of the previous ranking the unit (or its predecessors) was ranked in")
        Integer previousRankOutOf,

        @Schema(description = "Change of the index (%) rounded half-up to 2 places", examples = "4.03")
        BigDecimal pointsChange,

        @Schema(description = "Change of the index (%), unrounded", examples = "4.025")
        BigDecimal pointsChangeExact,

        @Schema(description = "Places moved up (positive) or down; only when comparison.rankMeasure is PLACES")
        Integer rankChange,

        BigDecimal previousPercentile,

        @Schema(description = "Percentile rank change; when comparison.rankMeasure is PERCENTILE")
        BigDecimal percentileChange,

        Comparison comparison,

        @Schema(description = "Applicable leaves without a score (they count 0)")
        List<String> missing,

        @Schema(description = "Set when an administrator excluded the unit from the ranking")
        Exclusion excluded,

        @Schema(description = "True when the result was imported from a published table, not computed")
        boolean imported) {

    /**
     * A part's or field's points against its maximum for the unit (the maximum leaves out criteria that do not apply
     * to the unit). Names and kinds are given once per table, in {@link SubtotalNode}s.
     */
    @Schema(name = "Subtotal")
    public record Subtotal(String code, BigDecimal points, BigDecimal maxPoints, BigDecimal indexPercent) {}

    /** A node that results give a sub-total of: its name, kind and full maximum, listed once per table. */
    @Schema(name = "SubtotalNode")
    public record SubtotalNode(
            String code,
            String name,

            @Schema(enumeration = {"PART", "FIELD", "CRITERION", "SUB_CRITERION", "ADJUSTMENT"})
            String kind,

            @Schema(description = "Code of the node the field belongs to; null for top-level nodes")
            String parentCode,

            @Schema(description = "true for the top-level nodes (parts), whose points add up to totalPoints")
            boolean part,

            BigDecimal maxPoints) {}

    /** Why a unit is left out of the ranking, by whom, when. */
    @Schema(name = "Exclusion")
    public record Exclusion(String reason, String by, OffsetDateTime at) {}
}
