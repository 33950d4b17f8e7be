package vn.parindex.scoring.service;

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
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.Violation;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.store.Campaign;

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

    /**
     * Whether an entry gives exactly one value the leaf's rule takes: points, an evidence level, a ratio
     * (numerator and denominator) or, for a self score, "not applicable". A unit enters a ratio criterion as its
     * ratio; an appraiser may also give it points. Otherwise a 400 entry is added naming the field.
     */
    static boolean oneValue(
            LeafScore.Given given,
            boolean notApplicable,
            CriteriaNode leaf,
            String path,
            List<FieldError> errors,
            ErrorCode[] worst,
            boolean selfEntry) {
        boolean ratio = given.numerator() != null || given.denominator() != null;
        int kinds = (given.points() != null ? 1 : 0)
                + (given.level() != null ? 1 : 0)
                + (ratio ? 1 : 0)
                + (notApplicable ? 1 : 0);
        String choices = selfEntry
                ? "points, level, numerator and denominator, or notApplicable"
                : "points, level, or numerator and denominator";
        String problem = null;
        String field = path;
        Object rejected = leaf.code();
        if (kinds == 0) {
            problem = "gives no value: give " + choices;
        } else if (kinds > 1) {
            problem = "gives more than one value: give one of " + choices;
        } else if (ratio && (given.numerator() == null || given.denominator() == null)) {
            field = prefix(path) + (given.numerator() == null ? "numerator" : "denominator");
            problem = "numerator and denominator go together";
            rejected = null;
        } else if (ratio && leaf.rule().metric() == null) {
            field = prefix(path) + "numerator";
            problem = "this criterion takes points or a level, not a ratio";
            rejected = given.numerator();
        } else if (given.level() != null && !(leaf.rule() instanceof Rule.Evidence)) {
            field = prefix(path) + "level";
            problem = "this criterion takes no evidence level";
            rejected = given.level();
        } else if (selfEntry && given.points() != null && leaf.rule().metric() != null) {
            field = prefix(path) + "points";
            problem = "this criterion is scored from a ratio: give numerator and denominator";
            rejected = given.points();
        }
        if (problem == null) {
            return true;
        }
        worst[0] = reject(errors, worst[0], field, problem, rejected);
        return false;
    }

    /** Adds a 400 entry and answers the worst error code so far. */
    static ErrorCode reject(List<FieldError> errors, ErrorCode worst, String field, String problem, Object value) {
        errors.add(FieldError.of(
                field,
                problem,
                value == null ? null : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString()));
        return worst == null ? ScoringError.INVALID_SCORE : worst;
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
