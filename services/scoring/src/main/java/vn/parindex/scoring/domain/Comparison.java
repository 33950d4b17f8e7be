package vn.parindex.scoring.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which rule produced a unit's year-over-year comparison, with what, and how its rank move is measured. Rankings
 * published before this record existed stored the rule's name alone; they are read as a comparison with that rule.
 */
@Schema(name = "Comparison", description = "How a result is compared with the previous campaign")
public record Comparison(
        @Schema(
                description = "SAME_UNIT: the unit's own previous result; MEAN_OF_PREDECESSORS: the unweighted"
                        + " mean of the previous results of the units it was formed from (registry lineage);"
                        + " NONE: nothing to compare with",
                enumeration = {"SAME_UNIT", "MEAN_OF_PREDECESSORS", "NONE"})
        String rule,

        @Schema(description = "The previous units compared with")
        List<String> comparedWith,

        @Schema(
                description = "PLACES: rankChange counts places (same group size); PERCENTILE: the move is"
                        + " percentileChange, because the groups differ in size or the unit is compared with"
                        + " predecessors; NONE",
                enumeration = {"PLACES", "PERCENTILE", "NONE"})
        RankMeasure rankMeasure,

        @Schema(description = "Whether the previous results were imported from a published table")
        boolean previousImported,

        @Schema(description = "The comparison in words") String note) {

    public static final String SAME_UNIT = "SAME_UNIT";
    public static final String MEAN_OF_PREDECESSORS = "MEAN_OF_PREDECESSORS";
    public static final String NONE = "NONE";

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Comparison(
            @JsonProperty("rule") String rule,
            @JsonProperty("comparedWith") List<String> comparedWith,
            @JsonProperty("rankMeasure") RankMeasure rankMeasure,
            @JsonProperty("previousImported") boolean previousImported,
            @JsonProperty("note") String note) {
        this.rule = rule;
        this.comparedWith = comparedWith == null ? List.of() : List.copyOf(comparedWith);
        this.rankMeasure = rankMeasure == null ? RankMeasure.NONE : rankMeasure;
        this.previousImported = previousImported;
        this.note = note;
    }

    /** A comparison stored by its rule's name only (rankings published before wave 2). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Comparison ofRule(String rule) {
        return new Comparison(rule, List.of(), RankMeasure.NONE, false, null);
    }

    static Comparison none(String why) {
        return new Comparison(NONE, List.of(), RankMeasure.NONE, false, why);
    }
}
