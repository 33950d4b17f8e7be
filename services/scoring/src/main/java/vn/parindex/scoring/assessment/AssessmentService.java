package vn.parindex.scoring.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignService;
import vn.parindex.scoring.campaign.CampaignStatus;
import vn.parindex.scoring.domain.LeafScore;

/**
 * Score-entry use cases: a unit's self-assessment (until it submits, the campaign closes it or the deadline
 * passes), appraisal rounds 1 and 2 with reasons, the unit's explanation, survey imports and dossier-fed scores.
 * Every value is checked by the criteria rules before anything is stored; every change is kept in the history.
 */
@ApplicationScoped
public class AssessmentService {

    private final CampaignService campaigns;
    private final ScoreStore store;
    private final ObjectMapper json;

    public AssessmentService(CampaignService campaigns, ScoreStore store, ObjectMapper json) {
        this.campaigns = campaigns;
        this.store = store;
        this.json = json;
    }

    @Transactional
    public void saveSelfScores(String code, String unitCode, List<AssessmentDto.SelfScore> scores, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
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
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        List<ScoreStore.Write> writes = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            AssessmentDto.SelfScore s = scores.get(i);
            String path = "scores[" + i + "]";
            CriteriaNode leaf = LeafChecks.leaf(leaves, s.criterionCode(), path, errors, worst);
            if (leaf == null) {
                continue;
            }
            if (leaf.scoreSource() == ScoreSource.SURVEY || leaf.scoreSource() == ScoreSource.AUTO) {
                String fed = leaf.scoreSource() == ScoreSource.SURVEY ? "survey" : "dossier";
                errors.add(
                        FieldError.of(path + ".criterionCode", "is " + fed + "-fed, not self-assessed", leaf.code()));
                worst[0] = worst[0] == null ? ScoringError.INVALID_SCORE : worst[0];
                continue;
            }
            if (leaf.rule().metric() != null && s.points() != null) {
                errors.add(FieldError.of(
                        path + ".points",
                        "this criterion is scored from a ratio: give numerator and denominator",
                        s.points().toPlainString()));
                worst[0] = worst[0] == null ? ScoringError.INVALID_SCORE : worst[0];
                continue;
            }
            LeafInput input =
                    new LeafInput(s.points(), s.level(), null, s.numerator(), s.denominator(), s.notApplicable());
            LeafChecks.check(set, member.unitType(), leaf, input, path, errors, worst);
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
        LeafChecks.fail(errors, worst[0]);
        store.write(code, Stage.SELF, writes, actor);
    }

    @Transactional
    public void submit(String code, String unitCode, boolean submit, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
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
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Appraisal needs status APPRAISAL; " + code + " is " + c.status);
        }
        CampaignService.Member member = member(c, unitCode);
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        Map<String, LeafScore> stored = store.leafScores(code, unitCode).getOrDefault(unitCode, Map.of());
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        Map<String, ScoreStore.Write> writes = new LinkedHashMap<>();
        String pointsColumn = request.round() == 1 ? "appraisal1_points" : "appraisal2_points";
        String reasonColumn = request.round() == 1 ? "appraisal1_reason" : "appraisal2_reason";
        for (int i = 0; i < request.scores().size(); i++) {
            AssessmentDto.AppraisalScore s = request.scores().get(i);
            String path = "scores[" + i + "]";
            CriteriaNode leaf = LeafChecks.leaf(leaves, s.criterionCode(), path, errors, worst);
            if (leaf == null) {
                continue;
            }
            if (request.round() == 2
                    && (stored.get(leaf.code()) == null
                            || stored.get(leaf.code()).appraisal1() == null)) {
                errors.add(FieldError.of(path + ".criterionCode", "has no round-1 appraisal yet", leaf.code()));
                worst[0] = worst[0] == null ? ScoringError.INVALID_SCORE : worst[0];
                continue;
            }
            LeafChecks.check(
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
        LeafChecks.fail(errors, worst[0]);
        if (request.round() == 1 && Boolean.TRUE.equals(request.confirmSelfForOthers())) {
            Evaluation.Result self = selfEvaluation(set, member.unitType(), stored);
            for (Evaluation.NodeResult n : self.nodes()) {
                LeafScore score = stored.get(n.code());
                if (leaves.containsKey(n.code())
                        && leaves.get(n.code()).scoreSource() == ScoreSource.APPRAISED
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
        Campaign c = campaigns.campaignForUpdate(code);
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
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
            CriteriaNode leaf = LeafChecks.leaf(leaves, s.score().criterionCode(), path + ".score", errors, worst);
            if (leaf == null) {
                continue;
            }
            LeafChecks.check(
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
        LeafChecks.fail(errors, worst[0]);
        store.write(code, Stage.CORRECTION, writes, actor);
    }

    @Transactional
    public void explain(String code, String unitCode, AssessmentDto.Explanation request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Explanations need status APPRAISAL; " + code + " is " + c.status);
        }
        member(c, unitCode);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        CriteriaNode leaf = LeafChecks.leaf(
                LeafChecks.leaves(campaigns.criteriaSet(c)), request.criterionCode(), "", errors, worst);
        LeafChecks.fail(errors, worst[0]);
        LeafScore stored = store.leafScores(code, unitCode)
                .getOrDefault(unitCode, Map.of())
                .get(leaf.code());
        if (stored == null || stored.appraisal1() == null) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "An explanation answers the round-1 appraisal of " + leaf.code() + ", which has none yet");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("unit_explanation", request.text());
        store.write(code, Stage.EXPLANATION, List.of(new ScoreStore.Write(unitCode, leaf.code(), values, null)), actor);
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

    private CampaignService.Member member(Campaign c, String unitCode) {
        return campaigns
                .member(c.code, unitCode)
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNIT_NOT_IN_CAMPAIGN, unitCode + " is not a member of campaign " + c.code));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
