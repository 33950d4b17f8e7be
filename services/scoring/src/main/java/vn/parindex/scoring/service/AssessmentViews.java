package vn.parindex.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.parindex.common.api.StrictJson;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.EvaluationException;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.Metric;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.store.ScoreRow;
import vn.parindex.scoring.store.ScoreStore;

/**
 * Stored scores and history as the API shows them: one mapping per stage, typed, with a ratio's percentage (exact
 * and as published) and the points the criterion's rule gives each entry.
 */
@ApplicationScoped
public class AssessmentViews {

    private final ObjectMapper json;

    public AssessmentViews(ObjectMapper json) {
        this.json = json;
    }

    /** Every stored criterion of a unit, in code order. */
    public List<AssessmentDto.CriterionScore> scores(CriteriaSet set, String unitType, List<ScoreRow> rows) {
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        Map<String, Evaluation.NodeResult> self =
                points(set, unitType, rows, r -> r.leafScore().selfInput());
        Map<String, Evaluation.NodeResult> round1 = points(set, unitType, rows, r -> input(r.appraisal1()));
        Map<String, Evaluation.NodeResult> round2 = points(set, unitType, rows, r -> input(r.appraisal2()));
        return rows.stream()
                .filter(r -> leaves.containsKey(r.criterionCode()))
                .map(r -> {
                    CriteriaNode leaf = leaves.get(r.criterionCode());
                    String metric = leaf.rule().metric();
                    return new AssessmentDto.CriterionScore(
                            r.criterionCode(),
                            leaf.nameVi(),
                            leaf.scoreSource(),
                            leaf.maxPoints(),
                            r.self().isEmpty()
                                            && !r.selfNotApplicable()
                                            && r.selfExplanation() == null
                                            && r.evidenceJson() == null
                                    ? null
                                    : new AssessmentDto.SelfView(
                                            stage(r.self(), metric, self.get(r.criterionCode()), null),
                                            r.selfNotApplicable(),
                                            r.selfExplanation(),
                                            evidence(r.evidenceJson())),
                            stage(r.appraisal1(), metric, round1.get(r.criterionCode()), r.appraisal1Reason()),
                            r.unitExplanation(),
                            stage(r.appraisal2(), metric, round2.get(r.criterionCode()), r.appraisal2Reason()),
                            r.surveyPoints() == null && r.surveyValue() == null
                                    ? null
                                    : new AssessmentDto.SurveyView(plain(r.surveyPoints()), plain(r.surveyValue())),
                            r.autoFetchedAt() == null
                                    ? null
                                    : new AssessmentDto.AutoView(
                                            r.autoValue(), r.autoNumerator(), r.autoDenominator(), r.autoFetchedAt()),
                            r.updatedAt());
                })
                .toList();
    }

    /** One history entry, its before/after values read whatever the stage. */
    public AssessmentDto.HistoryView history(ScoreStore.HistoryEntry h) {
        return new AssessmentDto.HistoryView(
                h.id(),
                h.at(),
                h.actor(),
                h.criterionCode(),
                h.action(),
                values(h.before()),
                values(h.after()),
                h.reason());
    }

    /** A stage's stored values (JSON of its columns, camel-cased) without the stage's prefix. */
    private AssessmentDto.StageValues values(String stored) {
        if (stored == null) {
            return null;
        }
        Map<String, JsonNode> byName = new HashMap<>();
        try {
            json.readTree(stored).properties().forEach(e -> byName.put(unprefixed(e.getKey()), e.getValue()));
        } catch (JsonProcessingException e) {
            return null;
        }
        if (byName.values().stream().allMatch(v -> v.isNull() || (v.isBoolean() && !v.asBoolean()))) {
            return null; // the row existed, but this stage had nothing
        }
        return new AssessmentDto.StageValues(
                decimal(byName.get("points")),
                text(byName.get("level")),
                decimal(byName.get("numerator")),
                decimal(byName.get("denominator")),
                byName.containsKey("notApplicable")
                                && !byName.get("notApplicable").isNull()
                        ? byName.get("notApplicable").asBoolean()
                        : null,
                decimal(byName.get("value")),
                text(byName.get("explanation")),
                evidence(text(byName.get("evidence"))),
                text(byName.get("reason")),
                text(byName.get("fetchedAt")));
    }

    private static String unprefixed(String key) {
        for (String prefix : List.of("self", "appraisal1", "appraisal2", "survey", "auto", "unit")) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String rest = key.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return key;
    }

    private static AssessmentDto.StageScore stage(
            LeafScore.Given given, String metric, Evaluation.NodeResult scored, String reason) {
        if (given.isEmpty() && reason == null) {
            return null;
        }
        BigDecimal percent = Metric.percent(given.numerator(), given.denominator());
        return new AssessmentDto.StageScore(
                plain(given.points()),
                given.level(),
                plain(given.numerator()),
                plain(given.denominator()),
                percent,
                Metric.display(metric, percent),
                scored == null || given.isEmpty() ? null : scored.points(),
                reason);
    }

    /** A stored decimal without the column's trailing zeros (69.000 tasks reads 69). */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static Evaluation.LeafInput input(LeafScore.Given given) {
        return given.isEmpty() ? null : given.input();
    }

    /** The points the rules give each row's entry of one stage (rows whose entry the rules refuse are skipped). */
    private static Map<String, Evaluation.NodeResult> points(
            CriteriaSet set, String unitType, List<ScoreRow> rows, Function<ScoreRow, Evaluation.LeafInput> stage) {
        Map<String, Evaluation.LeafInput> inputs = new HashMap<>();
        rows.forEach(r -> {
            Evaluation.LeafInput in = stage.apply(r);
            if (in != null) {
                inputs.put(r.criterionCode(), in);
            }
        });
        Map<String, Evaluation.NodeResult> byCode = new HashMap<>();
        if (inputs.isEmpty()) {
            return byCode;
        }
        try {
            Evaluator.evaluate(set, new Evaluation.Input(unitType, Map.of(), inputs))
                    .nodes()
                    .forEach(n -> byCode.put(n.code(), n));
        } catch (EvaluationException e) {
            // Stored entries were checked when written; a set snapshot never changes. Nothing to show then.
        }
        return byCode;
    }

    private List<AssessmentDto.Evidence> evidence(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return StrictJson.stored(json)
                    .forType(new TypeReference<List<AssessmentDto.Evidence>>() {})
                    .readValue(stored);
        } catch (JsonProcessingException e) {
            return List.of(new AssessmentDto.Evidence(stored, null, null, null));
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue().stripTrailingZeros();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }
}
