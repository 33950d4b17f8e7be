package vn.parindex.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published ranking (one version): what the decision published, immutable once stored. */
@Schema(name = "Ranking")
public record RankingDocument(
        String campaignCode,
        String campaignName,
        int year,
        String criteriaSetCode,
        String unitGroupCode,

        @Schema(description = "The campaign compared with, if any")
        String previousCampaignCode,

        @Schema(description = "The campaign's comparison rule (NONE or MEAN_OF_PREDECESSORS)")
        String comparisonRule,

        int version,
        String decisionNumber,
        LocalDate decisionDate,
        String reason,
        OffsetDateTime publishedAt,
        String publishedBy,

        @Schema(description = "True when the ranking was imported from a published table (totals as published)")
        boolean imported,

        @Schema(description = "Where the published table can be read (imports)")
        String sourceUrl,

        @Schema(description = "The parts and fields the items' sub-totals refer to: names, kinds, maxima")
        List<UnitResult.SubtotalNode> subtotals,

        List<Item> items,

        @Schema(
                description = "PRELIMINARY (open to contests until contestDeadline) or FINAL; absent in rankings"
                        + " published before the contest window existed (final)",
                enumeration = {"PRELIMINARY", "FINAL"})
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String stage,

        @Schema(description = "Until when units may contest a preliminary ranking")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        OffsetDateTime contestDeadline,

        @Schema(description = "Only with ?uncertainty=true: how the items' rank intervals were computed")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Uncertainty uncertainty) {

    /** The method and inputs of the rank intervals shown in the items (?uncertainty=true). */
    @Schema(name = "RankingUncertainty")
    public record Uncertainty(
            String method,
            long seed,
            int runs,
            BigDecimal weightSpread,
            int intervalPercent,
            List<UncertaintyInputs.ComponentInput> components,
            UncertaintyInputs.SurveyInputs survey) {}

    /** This document with a rank interval in every ranked item. */
    public RankingDocument withUncertainty(Uncertainty how, List<RankUncertainty.Interval> intervals) {
        Map<String, RankUncertainty.Interval> byUnit =
                intervals.stream().collect(Collectors.toMap(RankUncertainty.Interval::unitCode, Function.identity()));
        return new RankingDocument(
                campaignCode,
                campaignName,
                year,
                criteriaSetCode,
                unitGroupCode,
                previousCampaignCode,
                comparisonRule,
                version,
                decisionNumber,
                decisionDate,
                reason,
                publishedAt,
                publishedBy,
                imported,
                sourceUrl,
                subtotals,
                items.stream()
                        .map(i -> i.withUncertainty(byUnit.get(i.unitCode())))
                        .toList(),
                stage,
                contestDeadline,
                how);
    }

    /** One unit's line: {@code rankLabel} reads "k/N" as published. */
    @Schema(name = "RankingItem")
    public record Item(
            String unitCode,
            String unitName,
            BigDecimal totalPoints,
            BigDecimal indexPercent,
            BigDecimal indexPercentExact,
            Integer rank,
            int rankOutOf,
            String rankLabel,
            BigDecimal percentile,
            String band,
            List<UnitResult.Subtotal> parts,
            List<UnitResult.Subtotal> fields,
            BigDecimal previousPoints,
            BigDecimal previousIndexPercent,
            Integer previousRank,
            Integer previousRankOutOf,

            @Schema(description = "Change of the index (%) rounded half-up to 2 places", examples = "4.03")
            BigDecimal pointsChange,

            BigDecimal pointsChangeExact,
            Integer rankChange,
            BigDecimal previousPercentile,
            BigDecimal percentileChange,
            Comparison comparison,
            UnitResult.Exclusion excluded,
            boolean imported,

            @Schema(
                    description = "Only with ?uncertainty=true: the unit's median rank, 90 % interval (rankLow–"
                            + "rankHigh) and the units it is not distinguishable from")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            RankUncertainty.Interval uncertainty) {

        /** This item with its rank interval. */
        public Item withUncertainty(RankUncertainty.Interval interval) {
            return new Item(
                    unitCode,
                    unitName,
                    totalPoints,
                    indexPercent,
                    indexPercentExact,
                    rank,
                    rankOutOf,
                    rankLabel,
                    percentile,
                    band,
                    parts,
                    fields,
                    previousPoints,
                    previousIndexPercent,
                    previousRank,
                    previousRankOutOf,
                    pointsChange,
                    pointsChangeExact,
                    rankChange,
                    previousPercentile,
                    percentileChange,
                    comparison,
                    excluded,
                    imported,
                    interval);
        }

        public static Item of(UnitResult r) {
            return new Item(
                    r.unitCode(),
                    r.unitName(),
                    r.totalPoints(),
                    r.indexPercent(),
                    r.indexPercentExact(),
                    r.rank(),
                    r.rankOutOf(),
                    r.rank() == null ? null : r.rank() + "/" + r.rankOutOf(),
                    r.percentile(),
                    r.band(),
                    r.parts(),
                    r.fields(),
                    r.previousPoints(),
                    r.previousIndexPercent(),
                    r.previousRank(),
                    r.previousRankOutOf(),
                    r.pointsChange(),
                    r.pointsChangeExact(),
                    r.rankChange(),
                    r.previousPercentile(),
                    r.percentileChange(),
                    r.comparison(),
                    r.excluded(),
                    r.imported(),
                    null);
        }

        /** The index to compare with: exact when stored, else as published. */
        public BigDecimal comparableIndex() {
            return indexPercentExact != null ? indexPercentExact : indexPercent;
        }

        /** The item as a result (imported rankings are served as their campaign's results). */
        public UnitResult asResult() {
            return new UnitResult(
                    unitCode,
                    unitName,
                    totalPoints,
                    null,
                    indexPercentExact,
                    indexPercent,
                    parts == null ? List.of() : parts,
                    fields == null ? List.of() : fields,
                    rank,
                    rankOutOf,
                    percentile,
                    band,
                    previousPoints,
                    previousIndexPercent,
                    previousRank,
                    previousRankOutOf,
                    pointsChange,
                    pointsChangeExact,
                    rankChange,
                    previousPercentile,
                    percentileChange,
                    comparison,
                    List.of(),
                    excluded,
                    imported);
        }
    }
}
