package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;

/**
 * Every stage of one unit's score on one leaf criterion: the self-assessment (points, an evidence level or a
 * ratio, or "not applicable"), appraisal rounds 1 and 2, survey points or value, and the value fetched from
 * dossier statistics.
 */
public record LeafScore(
        BigDecimal selfPoints,
        String selfLevel,
        BigDecimal selfNumerator,
        BigDecimal selfDenominator,
        boolean selfNotApplicable,
        BigDecimal appraisal1,
        BigDecimal appraisal2,
        BigDecimal surveyPoints,
        BigDecimal surveyValue,
        BigDecimal autoValue,
        BigDecimal autoNumerator,
        BigDecimal autoDenominator) {

    /** Whether the unit entered anything for the leaf. */
    public boolean hasSelf() {
        return selfPoints != null || selfLevel != null || selfNumerator != null || selfNotApplicable;
    }

    /** The self-assessment as the rules read it, or {@code null}. */
    public LeafInput selfInput() {
        if (selfNotApplicable) {
            return new LeafInput(null, null, null, null, null, true);
        }
        return hasSelf() ? new LeafInput(selfPoints, selfLevel, null, selfNumerator, selfDenominator, null) : null;
    }

    /** The last appraisal round's points, or {@code null}. */
    public BigDecimal appraised() {
        return appraisal2 != null ? appraisal2 : appraisal1;
    }

    /**
     * What counts for the result. The last appraisal round wins. Without one: survey leaves take the survey,
     * dossier-fed leaves the fetched metric, and appraised leaves the self-assessment only when the campaign does
     * not require appraisal ({@code null} otherwise: the leaf scores 0 and is listed as missing).
     */
    public static LeafInput finalInput(CriteriaNode leaf, LeafScore score, boolean appraisalRequired) {
        if (score == null) {
            return null;
        }
        BigDecimal appraised = score.appraised();
        if (appraised != null) {
            return new LeafInput(appraised, null, null, null, null, null);
        }
        ScoreSource source = leaf.scoreSource() == null ? ScoreSource.APPRAISED : leaf.scoreSource();
        return switch (source) {
            case SURVEY ->
                score.surveyPoints != null || score.surveyValue != null
                        ? new LeafInput(score.surveyPoints, null, score.surveyValue, null, null, null)
                        : null;
            case AUTO -> {
                if (score.autoNumerator != null
                        && score.autoDenominator != null
                        && score.autoDenominator.signum() > 0) {
                    yield new LeafInput(null, null, null, score.autoNumerator, score.autoDenominator, null);
                }
                yield score.autoValue != null ? new LeafInput(null, null, score.autoValue, null, null, null) : null;
            }
            case APPRAISED -> appraisalRequired && !score.selfNotApplicable ? null : score.selfInput();
        };
    }
}
