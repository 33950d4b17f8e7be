package vn.parindex.scoring.service;

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
import vn.parindex.common.api.RevisionTag;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;
import vn.parindex.scoring.store.Stage;

/**
 * Score-entry use cases: a unit's self-assessment (until it submits, the campaign closes it or the deadline
 * passes), appraisal rounds 1 and 2 with reasons (points, a level or a corrected ratio), the unit's explanation,
 * and corrections after publication. Every value is checked by the criteria rules before anything is stored;
 * every change is kept in the history.
 */
@ApplicationScoped
public class AssessmentService {

    private static final String CONFIRMED = "Confirmed as self-assessed";

    private final CampaignService campaigns;
    private final ScoreStore store;
    private final ObjectMapper json;

    public AssessmentService(CampaignService campaigns, ScoreStore store, ObjectMapper json) {
        this.campaigns = campaigns;
        this.store = store;
        this.json = json;
    }

    /**
     * Stores self scores. The value (points, level, ratio or not applicable) of each sent criterion is replaced
     * as a whole; its explanation and evidence are kept unless sent ({@code ""} / {@code []} clear them).
     */
    @Transactional
    public void saveSelfScores(
            String code, String unitCode, List<AssessmentDto.SelfScore> scores, Long ifRevision, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        CampaignService.Member member = current(c, unitCode, ifRevision);
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
                worst[0] = LeafChecks.reject(
                        errors,
                        worst[0],
                        path + ".criterionCode",
                        "is " + fed + "-fed, not self-assessed",
                        leaf.code());
                continue;
            }
            boolean notApplicable = Boolean.TRUE.equals(s.notApplicable());
            LeafScore.Given given = new LeafScore.Given(s.points(), s.level(), s.numerator(), s.denominator());
            if (!LeafChecks.oneValue(given, notApplicable, leaf, path, errors, worst, true)) {
                continue;
            }
            LeafChecks.check(
                    set,
                    member.unitType(),
                    leaf,
                    notApplicable ? new Evaluation.LeafInput(null, null, null, null, null, true) : given.input(),
                    path,
                    errors,
                    worst);
            Map<String, Object> values = new HashMap<>();
            values.put("self_points", s.points());
            values.put("self_level", s.level());
            values.put("self_numerator", s.numerator());
            values.put("self_denominator", s.denominator());
            values.put("self_not_applicable", notApplicable);
            if (s.explanation() != null) {
                values.put("self_explanation", s.explanation().isBlank() ? null : s.explanation());
            }
            if (s.evidence() != null) {
                values.put("evidence", s.evidence().isEmpty() ? null : write(s.evidence()));
            }
            writes.add(new ScoreStore.Write(unitCode, leaf.code(), values, null));
        }
        LeafChecks.fail(errors, worst[0]);
        store.write(code, Stage.SELF, writes, actor);
    }

    @Transactional
    public void submit(String code, String unitCode, boolean submit, Long ifRevision, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        CampaignService.Member member = current(c, unitCode, ifRevision);
        if (!CampaignService.selfAssessmentOpen(c)) {
            throw new ApiException(ScoringError.SELF_ASSESSMENT_LOCKED, "Self-assessment of " + code + " is locked");
        }
        String status = submit ? "SUBMITTED" : "DRAFT";
        if (!status.equals(member.selfStatus())) {
            store.selfStatus(code, unitCode, status, actor);
            store.event(code, unitCode, submit ? "SUBMIT" : "WITHDRAW", null, actor);
        }
    }

    /**
     * Appraisal round 1 or 2. Each entry gives points, a level or a corrected ratio with a reason. In round 1,
     * {@code confirmSelfForOthers} confirms every other self-scored appraised leaf as entered: a ratio stays a
     * ratio (69 of 70), a level a level.
     */
    @Transactional
    public void appraise(String code, String unitCode, AssessmentDto.Appraisal request, Long ifRevision, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Appraisal needs status APPRAISAL; " + code + " is " + c.status);
        }
        CampaignService.Member member = current(c, unitCode, ifRevision);
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        Map<String, LeafScore> stored = store.leafScores(code, unitCode).getOrDefault(unitCode, Map.of());
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        Map<String, ScoreStore.Write> writes = new LinkedHashMap<>();
        Stage stage = request.round() == 1 ? Stage.APPRAISAL_1 : Stage.APPRAISAL_2;
        for (int i = 0; i < request.scores().size(); i++) {
            AssessmentDto.AppraisalScore s = request.scores().get(i);
            String path = "scores[" + i + "]";
            CriteriaNode leaf = LeafChecks.leaf(leaves, s.criterionCode(), path, errors, worst);
            if (leaf == null) {
                continue;
            }
            if (request.round() == 2
                    && (stored.get(leaf.code()) == null
                            || stored.get(leaf.code()).appraisal1().isEmpty())) {
                worst[0] = LeafChecks.reject(
                        errors, worst[0], path + ".criterionCode", "has no round-1 appraisal yet", leaf.code());
                continue;
            }
            LeafScore.Given given = s.given();
            if (!LeafChecks.oneValue(given, false, leaf, path, errors, worst, false)) {
                continue;
            }
            LeafChecks.check(set, member.unitType(), leaf, given.input(), path, errors, worst);
            writes.put(leaf.code(), appraisalWrite(stage, unitCode, leaf.code(), given, s.reason()));
        }
        LeafChecks.fail(errors, worst[0]);
        if (request.round() == 1 && Boolean.TRUE.equals(request.confirmSelfForOthers())) {
            stored.forEach((criterion, score) -> {
                CriteriaNode leaf = leaves.get(criterion);
                if (leaf != null
                        && leaf.scoreSource() == ScoreSource.APPRAISED
                        && !writes.containsKey(criterion)
                        && !score.self().isEmpty()
                        && !score.selfNotApplicable()
                        && score.appraisal1().isEmpty()) {
                    writes.put(criterion, appraisalWrite(stage, unitCode, criterion, score.self(), CONFIRMED));
                }
            });
        }
        store.write(code, stage, List.copyOf(writes.values()), actor);
    }

    /**
     * Corrects final scores of a published campaign: stored as the last appraisal round with the correction's
     * reason (the caller then publishes a new version). All rows are checked before any is stored.
     */
    @Transactional
    public void correct(String code, List<AssessmentDto.CorrectionScore> scores, String actor) {
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
            LeafScore.Given given = s.score().given();
            if (!LeafChecks.oneValue(given, false, leaf, path + ".score", errors, worst, false)) {
                continue;
            }
            LeafChecks.check(set, member.get().unitType(), leaf, given.input(), path + ".score", errors, worst);
            writes.add(appraisalWrite(
                    Stage.CORRECTION,
                    s.unitCode(),
                    leaf.code(),
                    given,
                    s.score().reason()));
        }
        LeafChecks.fail(errors, worst[0]);
        store.write(code, Stage.CORRECTION, writes, actor);
    }

    @Transactional
    public void explain(
            String code, String unitCode, AssessmentDto.Explanation request, Long ifRevision, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        if (c.status != CampaignStatus.APPRAISAL) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Explanations need status APPRAISAL; " + code + " is " + c.status);
        }
        current(c, unitCode, ifRevision);
        List<FieldError> errors = new ArrayList<>();
        ErrorCode[] worst = {null};
        CriteriaNode leaf = LeafChecks.leaf(
                LeafChecks.leaves(campaigns.criteriaSet(c)), request.criterionCode(), "", errors, worst);
        LeafChecks.fail(errors, worst[0]);
        LeafScore stored = store.leafScores(code, unitCode)
                .getOrDefault(unitCode, Map.of())
                .get(leaf.code());
        if (stored == null || stored.appraisal1().isEmpty()) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "An explanation answers the round-1 appraisal of " + leaf.code() + ", which has none yet");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("unit_explanation", request.text());
        store.write(code, Stage.EXPLANATION, List.of(new ScoreStore.Write(unitCode, leaf.code(), values, null)), actor);
    }

    private static ScoreStore.Write appraisalWrite(
            Stage stage, String unitCode, String criterion, LeafScore.Given given, String reason) {
        String prefix = stage == Stage.APPRAISAL_1 ? "appraisal1_" : "appraisal2_";
        Map<String, Object> values = new HashMap<>();
        values.put(prefix + "points", given.points());
        values.put(prefix + "level", given.level());
        values.put(prefix + "numerator", given.numerator());
        values.put(prefix + "denominator", given.denominator());
        values.put(prefix + "reason", reason);
        return new ScoreStore.Write(unitCode, criterion, values, reason);
    }

    private CampaignService.Member member(Campaign c, String unitCode) {
        return campaigns.requireMember(c.code, unitCode);
    }

    /**
     * The member under the campaign's write lock, refused with 412 when the caller's {@code If-Match} named another
     * revision of its scores than the stored one (the lock makes the check and the write one step).
     */
    private CampaignService.Member current(Campaign c, String unitCode, Long ifRevision) {
        CampaignService.Member member = member(c, unitCode);
        RevisionTag.require(
                ifRevision, member.revision(), ScoringError.ASSESSMENT_CHANGED, "The assessment of " + unitCode);
        return member;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
