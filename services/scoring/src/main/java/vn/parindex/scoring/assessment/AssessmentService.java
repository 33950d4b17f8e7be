package vn.parindex.scoring.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.EvaluationException;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.Violation;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignService;
import vn.parindex.scoring.campaign.CampaignStatus;
import vn.parindex.scoring.client.DossierStatsClient;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.domain.ResultCalculator;

/**
 * Score-entry use cases: a unit's self-assessment (until it submits, the campaign closes it or the deadline
 * passes), appraisal rounds 1 and 2 with reasons, the unit's explanation, survey imports and dossier-fed scores.
 * Every value is checked by the criteria rules before anything is stored; every change is kept in the history.
 */
@ApplicationScoped
public class AssessmentService {

    private final CampaignService campaigns;
    private final ScoreStore store;
    private final DossierStatsClient dossierStats;
    private final ObjectMapper json;

    public AssessmentService(
            CampaignService campaigns, ScoreStore store, DossierStatsClient dossierStats, ObjectMapper json) {
        this.campaigns = campaigns;
        this.store = store;
        this.dossierStats = dossierStats;
        this.json = json;
    }

    @Transactional
    public void saveSelfScores(String code, String unitCode, List<AssessmentDto.SelfScore> scores, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        CampaignService.Member member = member(c, unitCode);
        if (!CampaignService.selfAssessmentOpen(c)) {
            throw new ApiException(
                    ScoringError.SELF_ASSESSMENT_LOCKED,
                    "Self-assessment of " + code + " is locked (status " + c.status + ", deadline "
                            + c.selfAssessmentDeadline + ")");
        }
        if ("SUBMITTED".equals(member.selfStatus())) {
            throw new ApiException(
                    ScoringError.ASSESSMENT_SUBMITTED, unitCode + " has submitted; withdraw the submission to edit");
        }
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = leaves(set);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        List<ScoreStore.Write> writes = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            AssessmentDto.SelfScore s = scores.get(i);
            String path = "scores[" + i + "]";
            CriteriaNode leaf = leaf(leaves, s.criterionCode(), path, errors, worst);
            if (leaf == null) {
                continue;
            }
            LeafInput input =
                    new LeafInput(s.points(), s.level(), null, s.numerator(), s.denominator(), s.notApplicable());
            check(set, member.unitType(), leaf, input, path, errors, worst);
            Map<String, Object> values = new HashMap<>();
            values.put("self_points", s.points());
            values.put("self_level", s.level());
            values.put("self_numerator", s.numerator());
            values.put("self_denominator", s.denominator());
            values.put("self_not_applicable", Boolean.TRUE.equals(s.notApplicable()));
            values.put("self_explanation", s.explanation());
            values.put("evidence", s.evidence() == null || s.evidence().isEmpty() ? null : write(s.evidence()));
            writes.add(new ScoreStore.Write(unitCode, leaf.code(), values, null));
        }
        fail(errors, worst[0]);
        store.write(code, Stage.SELF, writes, actor);
    }

    @Transactional
    public void submit(String code, String unitCode, boolean submit, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        CampaignService.Member member = member(c, unitCode);
        if (!CampaignService.selfAssessmentOpen(c)) {
            throw new ApiException(ScoringError.SELF_ASSESSMENT_LOCKED, "Self-assessment of " + code + " is locked");
        }
        String status = submit ? "SUBMITTED" : "DRAFT";
        if (!status.equals(member.selfStatus())) {
            store.selfStatus(code, unitCode, status, actor);
            store.event(code, unitCode, submit ? "SUBMIT" : "WITHDRAW", null, actor);
        }
    }

    @Transactional
    public void appraise(String code, String unitCode, AssessmentDto.Appraisal request, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Appraisal needs status APPRAISAL; " + code + " is " + c.status);
        }
        CampaignService.Member member = member(c, unitCode);
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = leaves(set);
        Map<String, LeafScore> stored = store.leafScores(code, unitCode).getOrDefault(unitCode, Map.of());
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        Map<String, ScoreStore.Write> writes = new LinkedHashMap<>();
        String pointsColumn = request.round() == 1 ? "appraisal1_points" : "appraisal2_points";
        String reasonColumn = request.round() == 1 ? "appraisal1_reason" : "appraisal2_reason";
        for (int i = 0; i < request.scores().size(); i++) {
            AssessmentDto.AppraisalScore s = request.scores().get(i);
            String path = "scores[" + i + "]";
            CriteriaNode leaf = leaf(leaves, s.criterionCode(), path, errors, worst);
            if (leaf == null) {
                continue;
            }
            check(
                    set,
                    member.unitType(),
                    leaf,
                    new LeafInput(s.points(), null, null, null, null, null),
                    path,
                    errors,
                    worst);
            Map<String, Object> values = new HashMap<>();
            values.put(pointsColumn, s.points());
            values.put(reasonColumn, s.reason());
            writes.put(leaf.code(), new ScoreStore.Write(unitCode, leaf.code(), values, s.reason()));
        }
        fail(errors, worst[0]);
        if (request.round() == 1 && Boolean.TRUE.equals(request.confirmSelfForOthers())) {
            Evaluation.Result self = selfEvaluation(set, member.unitType(), stored);
            for (Evaluation.NodeResult n : self.nodes()) {
                LeafScore score = stored.get(n.code());
                if (leaves.containsKey(n.code())
                        && !writes.containsKey(n.code())
                        && score != null
                        && score.hasSelf()
                        && score.appraisal1() == null
                        && n.applicable()) {
                    Map<String, Object> values = new HashMap<>();
                    values.put(pointsColumn, n.points());
                    values.put(reasonColumn, "Confirmed as self-assessed");
                    writes.put(
                            n.code(), new ScoreStore.Write(unitCode, n.code(), values, "Confirmed as self-assessed"));
                }
            }
        }
        store.write(
                code,
                request.round() == 1 ? Stage.APPRAISAL_1 : Stage.APPRAISAL_2,
                List.copyOf(writes.values()),
                actor);
    }

    /**
     * Corrects final points of a published campaign: stored as the last appraisal round with the correction's
     * reason (the publication service then publishes a new version). All rows are checked before any is stored.
     */
    @Transactional
    public void correct(
            String code, List<vn.parindex.scoring.publication.PublicationDto.CorrectionScore> scores, String actor) {
        Campaign c = campaigns.campaign(code);
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = leaves(set);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        List<ScoreStore.Write> writes = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            var s = scores.get(i);
            String path = "scores[" + i + "]";
            var member = campaigns.member(code, s.unitCode());
            if (member.isEmpty()) {
                errors.add(FieldError.of(path + ".unitCode", "is not a member of the campaign", s.unitCode()));
                worst[0] = worst[0] == null ? ScoringError.UNIT_NOT_IN_CAMPAIGN : worst[0];
                continue;
            }
            CriteriaNode leaf = leaf(leaves, s.score().criterionCode(), path + ".score", errors, worst);
            if (leaf == null) {
                continue;
            }
            check(
                    set,
                    member.get().unitType(),
                    leaf,
                    new LeafInput(s.score().points(), null, null, null, null, null),
                    path + ".score",
                    errors,
                    worst);
            Map<String, Object> values = new HashMap<>();
            values.put("appraisal2_points", s.score().points());
            values.put("appraisal2_reason", s.score().reason());
            writes.add(new ScoreStore.Write(
                    s.unitCode(), leaf.code(), values, s.score().reason()));
        }
        fail(errors, worst[0]);
        store.write(code, Stage.CORRECTION, writes, actor);
    }

    @Transactional
    public void explain(String code, String unitCode, AssessmentDto.Explanation request, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Explanations need status APPRAISAL; " + code + " is " + c.status);
        }
        member(c, unitCode);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        CriteriaNode leaf = leaf(leaves(campaigns.criteriaSet(c)), request.criterionCode(), "", errors, worst);
        fail(errors, worst[0]);
        Map<String, Object> values = new HashMap<>();
        values.put("unit_explanation", request.text());
        store.write(code, Stage.EXPLANATION, List.of(new ScoreStore.Write(unitCode, leaf.code(), values, null)), actor);
    }

    /** Stores the good rows of a survey import and reports the bad ones by line (1 = first data row). */
    @Transactional
    public AssessmentDto.ImportReport importSurvey(String code, List<AssessmentDto.SurveyScore> rows, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        if (c.status == CampaignStatus.APPROVED) {
            throw new ApiException(ScoringError.INVALID_TRANSITION, "Campaign " + code + " is approved");
        }
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = leaves(set);
        Map<String, CampaignService.Member> members = new HashMap<>();
        campaigns.members(code).forEach(m -> members.put(m.unitCode(), m));
        List<AssessmentDto.ImportError> rejected = new ArrayList<>();
        Map<String, ScoreStore.Write> writes = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            AssessmentDto.SurveyScore r = rows.get(i);
            int line = i + 1;
            CampaignService.Member m = r.unitCode() == null ? null : members.get(r.unitCode());
            CriteriaNode leaf = r.criterionCode() == null ? null : leaves.get(r.criterionCode());
            String problem = null;
            String field = null;
            String value = null;
            if (m == null) {
                field = "unitCode";
                problem = "is not a member of the campaign";
                value = r.unitCode();
            } else if (leaf == null || leaf.scoreSource() != ScoreSource.SURVEY) {
                field = "criterionCode";
                problem = "is not a survey criterion of " + set.code();
                value = r.criterionCode();
            } else if ((r.points() == null) == (r.value() == null)) {
                field = "points";
                problem = "give either points or value (a percentage)";
            } else if (r.value() != null
                    && (r.value().signum() < 0 || r.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
                field = "value";
                problem = "must be between 0 and 100";
                value = r.value().toPlainString();
            } else {
                List<FieldError> errors = new ArrayList<>();
                check(
                        set,
                        m.unitType(),
                        leaf,
                        new LeafInput(r.points(), null, r.value(), null, null, null),
                        "points",
                        errors,
                        new ErrorCode[1]);
                if (!errors.isEmpty()) {
                    field = "points";
                    problem = errors.getFirst().message();
                    value = r.points() == null ? null : r.points().toPlainString();
                }
            }
            if (problem != null) {
                rejected.add(new AssessmentDto.ImportError(line, field, problem, value));
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            values.put("survey_points", r.points());
            values.put("survey_value", r.value());
            writes.put(r.unitCode() + "/" + leaf.code(), new ScoreStore.Write(r.unitCode(), leaf.code(), values, null));
        }
        store.write(code, Stage.SURVEY, List.copyOf(writes.values()), actor);
        return new AssessmentDto.ImportReport(rows.size(), writes.size(), rejected.size(), rejected);
    }

    /**
     * Fetches every member's (or one unit's) dossier metrics for the campaign year, then stores the values of the
     * dossier-fed criteria in one transaction. Any unanswered fetch is a 503 before anything is stored.
     */
    @Transactional
    public AssessmentDto.AutoReport fetchAutoScores(String code, String unitCode, String actor) {
        Campaign c = campaigns.campaign(code);
        requireNotPublished(c);
        List<CampaignService.Member> targets =
                unitCode == null ? campaigns.members(code) : List.of(member(c, unitCode));
        List<CriteriaNode> auto = ResultCalculator.leaves(
                        campaigns.criteriaSet(c).nodes(), new ArrayList<>())
                .stream()
                .filter(l -> l.scoreSource() == ScoreSource.AUTO && l.rule().metric() != null)
                .toList();
        OffsetDateTime fetchedAt = OffsetDateTime.now();
        Map<String, Map<String, DossierStatsClient.MetricValue>> fetched = new LinkedHashMap<>();
        if (!auto.isEmpty()) {
            for (CampaignService.Member m : targets) {
                fetched.put(m.unitCode(), dossierStats.metrics(m.unitCode(), c.year));
            }
        }
        List<ScoreStore.Write> writes = new ArrayList<>();
        List<AssessmentDto.AutoScore> items = new ArrayList<>();
        fetched.forEach((unit, metrics) -> {
            for (CriteriaNode leaf : auto) {
                DossierStatsClient.MetricValue v = metrics.get(leaf.rule().metric());
                if (v == null || v.value() == null) {
                    continue;
                }
                Map<String, Object> values = new HashMap<>();
                values.put("auto_value", v.value());
                values.put("auto_numerator", BigDecimal.valueOf(v.numerator()));
                values.put("auto_denominator", BigDecimal.valueOf(v.denominator()));
                values.put("auto_fetched_at", fetchedAt);
                writes.add(new ScoreStore.Write(unit, leaf.code(), values, null));
                items.add(new AssessmentDto.AutoScore(
                        unit,
                        leaf.code(),
                        leaf.rule().metric(),
                        v.value(),
                        BigDecimal.valueOf(v.numerator()),
                        BigDecimal.valueOf(v.denominator())));
            }
        });
        store.write(code, Stage.AUTO, writes, actor);
        return new AssessmentDto.AutoReport(fetched.size(), writes.size(), fetchedAt, items);
    }

    /** The unit's self scores as the rules evaluate them (for confirmation and for "what lost you points"). */
    public static Evaluation.Result selfEvaluation(CriteriaSet set, String unitType, Map<String, LeafScore> stored) {
        Map<String, LeafInput> inputs = new HashMap<>();
        stored.forEach((k, v) -> {
            LeafInput in = v.selfInput();
            if (in != null) {
                inputs.put(k, in);
            }
        });
        return Evaluator.evaluate(set, new Evaluation.Input(unitType, Map.of(), inputs));
    }

    public static Map<String, CriteriaNode> leaves(CriteriaSet set) {
        Map<String, CriteriaNode> map = new LinkedHashMap<>();
        ResultCalculator.leaves(set.nodes(), new ArrayList<>()).forEach(l -> map.put(l.code(), l));
        return map;
    }

    private CampaignService.Member member(Campaign c, String unitCode) {
        return campaigns
                .member(c.code, unitCode)
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNIT_NOT_IN_CAMPAIGN, unitCode + " is not a member of campaign " + c.code));
    }

    static void requireNotPublished(Campaign c) {
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED,
                    "Campaign " + c.code + " is published; scores change only through a correction");
        }
    }

    private static CriteriaNode leaf(
            Map<String, CriteriaNode> leaves, String code, String path, List<FieldError> errors, ErrorCode[] worst) {
        CriteriaNode leaf = code == null ? null : leaves.get(code);
        if (leaf == null) {
            errors.add(FieldError.of(
                    prefix(path) + "criterionCode", "is not a leaf criterion of the campaign's set", code));
            worst[0] = worst[0] == null ? ScoringError.CRITERION_NOT_FOUND : worst[0];
        }
        return leaf;
    }

    /** Evaluates the one leaf with the rules; their violations become field errors. */
    private static void check(
            CriteriaSet set,
            String unitType,
            CriteriaNode leaf,
            LeafInput input,
            String path,
            List<FieldError> errors,
            ErrorCode[] worst) {
        try {
            Evaluator.evaluate(set, new Evaluation.Input(unitType, Map.of(), Map.of(leaf.code(), input)));
        } catch (EvaluationException e) {
            for (Violation v : e.violations()) {
                // Rule paths read "leaves.<code>[.<field>]"; codes themselves contain dots (D1.2).
                String own = "leaves." + leaf.code();
                String rest = v.path().startsWith(own) ? v.path().substring(own.length()) : "";
                String field = prefix(path) + (rest.isEmpty() ? "points" : rest.substring(1));
                errors.add(FieldError.of(field, v.message(), v.rejectedValue()));
                ErrorCode code = switch (v.kind()) {
                    case SCORE_ABOVE_MAX -> ScoringError.SCORE_ABOVE_MAX;
                    case SCORE_NOT_ON_STEP -> ScoringError.SCORE_NOT_ON_STEP;
                    default -> ScoringError.INVALID_SCORE;
                };
                if (worst[0] == null || code == ScoringError.SCORE_ABOVE_MAX) {
                    worst[0] = code;
                }
            }
        }
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    private static void fail(List<FieldError> errors, ErrorCode code) {
        if (!errors.isEmpty()) {
            throw new ApiException(
                    code == null ? ScoringError.INVALID_SCORE : code,
                    errors.size() + " score(s) rejected: " + errors.getFirst().field() + " "
                            + errors.getFirst().message()
                            + "; nothing was stored",
                    errors);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
