package vn.parindex.scoring.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.domain.RankUncertainty;
import vn.parindex.scoring.domain.UncertaintyInputs;

/** Rank intervals of a campaign's ranking under uncertainty, with the method and inputs that produced them. */
public final class UncertaintyDto {

    private UncertaintyDto() {}

    /** The method, in one sentence, as every answer reports it. */
    public static final String METHOD = "Monte Carlo uncertainty analysis (OECD/JRC composite-indicator practice):"
            + " each run draws one multiplier per component weight, uniform in [1 - weightSpread, 1 + weightSpread],"
            + " renormalised to the same total, and for every unit a normal error on each survey component's share"
            + " (standard error from the survey's sample size, sqrt(p(1-p)/n), or as stated), clipped to [0, 1];"
            + " recomputes every index and ranks them (equal values share a rank). Intervals are the 5th and 95th"
            + " percentiles (nearest rank) of each unit's ranks; units whose intervals overlap are not"
            + " distinguishable.";

    @Schema(name = "RankUncertaintyReport")
    public record Report(
            String campaignCode,

            @Schema(description = "The published version analysed; null when the campaign's live results were")
            Integer rankingVersion,

            @Schema(description = "PRELIMINARY or FINAL for a published version; null for live results")
            String stage,

            String method,

            @Schema(
                    description = "Seed of the generator: the same seed, runs and inputs give the same answer",
                    examples = "1149")
            long seed,

            @Schema(examples = "1000") int runs,

            @Schema(description = "Half-width of the uniform weight multiplier (0.20 = ±20 %)", examples = "0.20")
            BigDecimal weightSpread,

            @Schema(description = "Coverage of the intervals, percent", examples = "90")
            int intervalPercent,

            int rankOutOf,
            Inputs inputs,

            @Schema(description = "One interval per ranked unit, by published rank then code")
            List<RankUncertainty.Interval> units) {}

    @Schema(name = "RankUncertaintyInputs")
    public record Inputs(
            @Schema(description = "The weighted components (fields, parts without fields)")
            List<UncertaintyInputs.ComponentInput> components,

            UncertaintyInputs.SurveyInputs survey) {}
}
