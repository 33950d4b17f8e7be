package vn.parindex.criteria.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a leaf's points are computed. The {@code type} property names the rule in JSON. Fractions are of the
 * node's maximum; percentages are 0–100.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Rule.Manual.class, name = "MANUAL"),
    @JsonSubTypes.Type(value = Rule.Evidence.class, name = "EVIDENCE"),
    @JsonSubTypes.Type(value = Rule.Bands.class, name = "BANDS"),
    @JsonSubTypes.Type(value = Rule.Linear.class, name = "LINEAR"),
    @JsonSubTypes.Type(value = Rule.Survey.class, name = "SURVEY"),
    @JsonSubTypes.Type(value = Rule.Percent.class, name = "PERCENT"),
    @JsonSubTypes.Type(value = Rule.Adjustment.class, name = "ADJUSTMENT")
})
public sealed interface Rule {

    /** The metric the rule reads, if any. */
    default String metric() {
        return null;
    }

    /** Points 0..max chosen by the appraiser, on a step (e.g. 0.25). */
    record Manual(BigDecimal step) implements Rule {}

    /**
     * Evidence judged against levels (full / partial / none with their fractions); the appraiser gives a level or
     * points on the step.
     */
    record Evidence(List<Level> levels, BigDecimal step) implements Rule {
        public record Level(String code, String label, BigDecimal fraction) {}
    }

    /** A metric mapped through a band table: the first band whose minimum the value reaches gives the fraction. */
    record Bands(String metric, List<Band> bands, String note) implements Rule {
        public record Band(BigDecimal min, BigDecimal fraction) {}
    }

    /** max × clamp((value − floor) / (target − floor), 0, 1). */
    record Linear(String metric, BigDecimal floor, BigDecimal target) implements Rule {}

    /** Points given directly from survey results, 0..max. */
    record Survey() implements Rule {}

    /** max × value / 100 (e.g. SIPAS %). */
    record Percent(String metric) implements Rule {}

    /** A bonus (+) or deduction (−) added after the sums, capped on each side. */
    record Adjustment(BigDecimal capPositive, BigDecimal capNegative) implements Rule {}
}
