package vn.parindex.scoring.assessment;

import java.util.ArrayList;
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
import vn.parindex.criteria.rules.Violation;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignStatus;
import vn.parindex.scoring.domain.ResultCalculator;

/** Checks every score entry shares: the leaf exists, the criteria rules accept the value, the campaign is open. */
public final class LeafChecks {

    private LeafChecks() {}

    public static Map<String, CriteriaNode> leaves(CriteriaSet set) {
        Map<String, CriteriaNode> map = new LinkedHashMap<>();
        ResultCalculator.leaves(set.nodes(), new ArrayList<>()).forEach(l -> map.put(l.code(), l));
        return map;
    }

    static void requireNotPublished(Campaign c) {
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED,
                    "Campaign " + c.code + " is published; scores change only through a correction");
        }
    }

    static CriteriaNode leaf(
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
    static void check(
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

    static void fail(List<FieldError> errors, ErrorCode code) {
        if (!errors.isEmpty()) {
            throw new ApiException(
                    code == null ? ScoringError.INVALID_SCORE : code,
                    errors.size() + " score(s) rejected: " + errors.getFirst().field() + " "
                            + errors.getFirst().message()
                            + "; nothing was stored",
                    errors);
        }
    }
}
