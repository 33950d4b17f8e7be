package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.scoring.ScoringError;

/**
 * What a campaign's ranking gives {@link RankUncertainty}: one weighted component per field (and per part without
 * fields; a part's points outside its fields are a component of their own), each ranked unit's points and
 * applicable maximum on it from its result's sub-totals, its bonus/penalty points, and for a component holding
 * survey criteria the standard error of the unit's share on it.
 *
 * <p>That error combines the component's survey results, taken as independent samples: a survey criterion i of
 * maximum m_i with share p_i (its percentage, or points / m_i) from n_i respondents has a share variance
 * p_i(1 − p_i)/n_i, or (stated standard error / 100)²; the component's share (points / applicable maximum M) then
 * has variance Σ (m_i / M)² · var_i. Criteria that are not surveys carry no error.
 */
public final class UncertaintyInputs {

    private UncertaintyInputs() {}

    /** One ranked line of a ranking: its rank (null = not ranked) and its part and field sub-totals. */
    public record Line(
            String unitCode, Integer rank, List<UnitResult.Subtotal> parts, List<UnitResult.Subtotal> fields) {

        public static Line of(UnitResult r) {
            return new Line(r.unitCode(), r.rank(), r.parts(), r.fields());
        }

        public static Line of(RankingDocument.Item i) {
            return new Line(i.unitCode(), i.rank(), i.parts(), i.fields());
        }
    }

    /** A unit's stored survey result on one criterion, with what says how sure it is. */
    public record SurveySample(
            BigDecimal points, BigDecimal value, Integer sampleSize, BigDecimal standardErrorPercent) {}

    /** A component the analysis weights, as reported with the result. */
    @Schema(name = "UncertaintyComponent")
    public record ComponentInput(
            String code,

            @Schema(description = "PART or FIELD; PART_REST for a part's points outside its fields")
            String kind,

            @Schema(description = "Its full maximum: the weight that is perturbed", examples = "14")
            BigDecimal maxPoints,

            @Schema(description = "True when it holds survey criteria (sampling error)")
            boolean survey) {}

    /** How the survey errors were obtained: counts of survey results per source. */
    @Schema(name = "SurveyErrorInputs")
    public record SurveyInputs(
            @Schema(description = "Survey results whose error follows from their sample size")
            int withSampleSize,

            @Schema(description = "Survey results with a stated standard error")
            int withStatedError,

            @Schema(
                    description = "Survey results (or survey components without stored results) given the"
                            + " request's surveyStandardError")
            int withRequestedError,

            @Schema(description = "The smallest sample size used", examples = "60")
            Integer minSampleSize,

            @Schema(description = "The largest sample size used", examples = "180")
            Integer maxSampleSize,

            @Schema(description = "The standard error (percentage points) asked for results without one")
            BigDecimal requestedStandardErrorPercent) {}

    /** The analysis' inputs. */
    public record Inputs(
            List<RankUncertainty.Component> components,
            List<RankUncertainty.Unit> units,
            List<ComponentInput> described,
            SurveyInputs survey) {}

    /**
     * Builds the inputs from the ranked lines (units without a rank are left out).
     *
     * @param samples unit code → survey criterion code → stored survey result
     * @param requestedError standard error (percentage points) for survey results without a sample size or stated
     *     error; null: such a result is refused (409 SURVEY_SAMPLE_MISSING naming them)
     */
    public static Inputs of(
            CriteriaSet set,
            List<Line> lines,
            Map<String, Map<String, SurveySample>> samples,
            BigDecimal requestedError) {
        record Comp(
                String code,
                String kind,
                BigDecimal max,
                String partCode,
                List<CriteriaNode> leaves,
                List<String> fieldCodes) {}
        List<Comp> comps = new ArrayList<>();
        List<String> adjustments = new ArrayList<>();
        for (CriteriaNode top : set.nodes()) {
            if (top.kind() == NodeKind.ADJUSTMENT) {
                adjustments.add(top.code());
                continue;
            }
            List<CriteriaNode> fields = new ArrayList<>();
            fields(top.children(), fields);
            if (fields.isEmpty()) {
                comps.add(new Comp(top.code(), "PART", top.maxPoints(), null, leaves(top), List.of()));
                continue;
            }
            BigDecimal fieldMax = BigDecimal.ZERO;
            List<CriteriaNode> inFields = new ArrayList<>();
            for (CriteriaNode f : fields) {
                comps.add(new Comp(f.code(), "FIELD", f.maxPoints(), null, leaves(f), List.of()));
                fieldMax = fieldMax.add(f.maxPoints());
                inFields.addAll(leaves(f));
            }
            BigDecimal rest =
                    top.maxPoints() == null ? BigDecimal.ZERO : top.maxPoints().subtract(fieldMax);
            if (rest.signum() > 0) {
                List<CriteriaNode> others = new ArrayList<>(leaves(top));
                others.removeAll(inFields);
                comps.add(new Comp(
                        top.code() + "-REST",
                        "PART_REST",
                        rest,
                        top.code(),
                        others,
                        fields.stream().map(CriteriaNode::code).toList()));
            }
        }
        List<RankUncertainty.Component> components = new ArrayList<>();
        List<ComponentInput> described = new ArrayList<>();
        for (Comp c : comps) {
            boolean survey = c.leaves().stream().anyMatch(l -> l.scoreSource() == ScoreSource.SURVEY);
            components.add(new RankUncertainty.Component(c.code(), c.max(), survey));
            described.add(new ComponentInput(c.code(), c.kind(), c.max(), survey));
        }
        int withN = 0;
        int withStated = 0;
        int withRequested = 0;
        Integer minN = null;
        Integer maxN = null;
        List<FieldError> missing = new ArrayList<>();
        List<FieldError> withoutParts = new ArrayList<>();
        List<RankUncertainty.Unit> units = new ArrayList<>();
        for (Line line : lines) {
            if (line.rank() == null) {
                continue;
            }
            Map<String, UnitResult.Subtotal> sub = new HashMap<>();
            if (line.parts() != null) {
                line.parts().forEach(s -> sub.put(s.code(), s));
            }
            if (line.fields() != null) {
                line.fields().forEach(s -> sub.put(s.code(), s));
            }
            BigDecimal adjustment = BigDecimal.ZERO;
            for (String a : adjustments) {
                UnitResult.Subtotal s = sub.get(a);
                if (s != null && s.points() != null) {
                    adjustment = adjustment.add(s.points());
                }
            }
            Map<String, SurveySample> own = samples.getOrDefault(line.unitCode(), Map.of());
            Map<String, RankUncertainty.Score> scores = new LinkedHashMap<>();
            for (Comp c : comps) {
                BigDecimal points;
                BigDecimal applicable;
                if (c.partCode() == null) {
                    UnitResult.Subtotal s = sub.get(c.code());
                    if (s == null || s.points() == null || s.maxPoints() == null) {
                        continue;
                    }
                    points = s.points();
                    applicable = s.maxPoints();
                } else {
                    UnitResult.Subtotal part = sub.get(c.partCode());
                    if (part == null || part.points() == null || part.maxPoints() == null) {
                        continue;
                    }
                    points = part.points();
                    applicable = part.maxPoints();
                    for (String f : c.fieldCodes()) {
                        UnitResult.Subtotal s = sub.get(f);
                        if (s != null && s.points() != null && s.maxPoints() != null) {
                            points = points.subtract(s.points());
                            applicable = applicable.subtract(s.maxPoints());
                        }
                    }
                }
                if (applicable.signum() <= 0) {
                    continue;
                }
                boolean survey = c.leaves().stream().anyMatch(l -> l.scoreSource() == ScoreSource.SURVEY);
                if (!survey) {
                    scores.put(c.code(), RankUncertainty.Score.of(points, applicable));
                    continue;
                }
                double variance = 0;
                boolean any = false;
                double m = applicable.doubleValue();
                for (CriteriaNode leaf : c.leaves()) {
                    if (leaf.scoreSource() != ScoreSource.SURVEY) {
                        continue;
                    }
                    SurveySample s = own.get(leaf.code());
                    if (s == null || (s.points() == null && s.value() == null)) {
                        continue; // not scored by survey for this unit (not applicable, or imported totals)
                    }
                    any = true;
                    double weight = leaf.maxPoints().doubleValue() / m;
                    double share;
                    if (s.standardErrorPercent() != null) {
                        share = s.standardErrorPercent().doubleValue() / 100;
                        withStated++;
                        variance += weight * weight * share * share;
                    } else if (s.sampleSize() != null) {
                        double p = s.value() != null
                                ? s.value().doubleValue() / 100
                                : s.points().doubleValue() / leaf.maxPoints().doubleValue();
                        p = Math.min(1, Math.max(0, p));
                        withN++;
                        minN = minN == null ? s.sampleSize() : Math.min(minN, s.sampleSize());
                        maxN = maxN == null ? s.sampleSize() : Math.max(maxN, s.sampleSize());
                        variance += weight * weight * p * (1 - p) / s.sampleSize();
                    } else if (requestedError != null) {
                        share = requestedError.doubleValue() / 100;
                        withRequested++;
                        variance += weight * weight * share * share;
                    } else {
                        missing.add(FieldError.of(
                                "units." + line.unitCode() + "." + leaf.code() + ".sampleSize",
                                "a survey result without a sample size or a standard error; import it with"
                                        + " sampleSize, or ask with surveyStandardError",
                                null));
                    }
                }
                BigDecimal error;
                if (any) {
                    error = BigDecimal.valueOf(Math.sqrt(variance) * 100).setScale(6, RoundingMode.HALF_UP);
                } else if (requestedError != null) {
                    // No stored survey results (imported totals): the component's share has the requested error.
                    withRequested++;
                    error = requestedError;
                } else {
                    missing.add(FieldError.of(
                            "units." + line.unitCode() + "." + c.code() + ".sampleSize",
                            "no stored survey results for this survey component; ask with surveyStandardError",
                            null));
                    error = BigDecimal.ZERO;
                }
                scores.put(c.code(), new RankUncertainty.Score(points, applicable, null, error));
            }
            if (scores.isEmpty()) {
                withoutParts.add(FieldError.of(
                        "units." + line.unitCode(),
                        "ranked without part or field points (an imported total, or scores still being entered)",
                        null));
                continue;
            }
            units.add(new RankUncertainty.Unit(line.unitCode(), scores, adjustment.signum() == 0 ? null : adjustment));
        }
        if (!withoutParts.isEmpty()) {
            throw new ApiException(
                    ScoringError.RESULTS_WITHOUT_PARTS,
                    withoutParts.size() + " ranked unit(s) have no part or field points to vary, e.g. "
                            + withoutParts.getFirst().field(),
                    withoutParts.stream().limit(100).toList(),
                    Map.of("units", withoutParts.size()));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(
                    ScoringError.SURVEY_SAMPLE_MISSING,
                    missing.size() + " survey result(s) have no sample size or standard error, e.g. "
                            + missing.getFirst().field(),
                    missing.stream().limit(100).toList(),
                    Map.of("missing", missing.size()));
        }
        if (units.isEmpty()) {
            throw new ApiException(ScoringError.NOTHING_RANKED, "No ranked unit to analyse");
        }
        return new Inputs(
                List.copyOf(components),
                List.copyOf(units),
                List.copyOf(described),
                new SurveyInputs(withN, withStated, withRequested, minN, maxN, requestedError));
    }

    private static void fields(List<CriteriaNode> nodes, List<CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            if (n.kind() == NodeKind.FIELD) {
                into.add(n);
            } else {
                fields(n.children(), into);
            }
        }
    }

    private static List<CriteriaNode> leaves(CriteriaNode n) {
        return n.isLeaf() ? List.of(n) : ResultCalculator.leaves(n.children(), new ArrayList<>());
    }
}
