package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;

/**
 * Every stage of one unit's score on one leaf criterion: the self-assessment (points, an evidence level or a
 * ratio, or "not applicable"), appraisal rounds 1 and 2 (each points, a level or a corrected ratio), survey points
 * or value, and the value fetched from dossier statistics.
 */
public record LeafScore(
        Given self,
        boolean selfNotApplicable,
        Given appraisal1,
        Given appraisal2,
        BigDecimal surveyPoints,
        BigDecimal surveyValue,
        BigDecimal autoValue,
        BigDecimal autoNumerator,
        BigDecimal autoDenominator) {

    /** What one stage gave for a leaf: points, an evidence level, or a ratio (numerator of denominator). */
    public record Given(BigDecimal points, String level, BigDecimal numerator, BigDecimal denominator) {

        public static final Given NONE = new Given(null, null, null, null);

        public static Given points(BigDecimal points) {
            return new Given(points, null, null, null);
        }

        /** Whether the stage gave nothing. */
        public boolean isEmpty() {
            return points == null && level == null && numerator == null && denominator == null;
        }

        /** The stage's entry as the criteria rules read it. */
        public LeafInput input() {
            return new LeafInput(points, level, null, numerator, denominator, null);
        }
    }

    public LeafScore {
        self = self == null ? Given.NONE : self;
        appraisal1 = appraisal1 == null ? Given.NONE : appraisal1;
        appraisal2 = appraisal2 == null ? Given.NONE : appraisal2;
    }

    /** Whether the unit entered anything for the leaf. */
    public boolean hasSelf() {
        return !self.isEmpty() || selfNotApplicable;
    }

    /** The self-assessment as the rules read it, or {@code null}. */
    public LeafInput selfInput() {
        if (selfNotApplicable) {
            return new LeafInput(null, null, null, null, null, true);
        }
        return self.isEmpty() ? null : self.input();
    }

    /** The last appraisal round's entry, or {@code null} when no round appraised the leaf. */
    public Given appraised() {
        if (!appraisal2.isEmpty()) {
            return appraisal2;
        }
        return appraisal1.isEmpty() ? null : appraisal1;
    }

    /**
     * What counts for the result. The last appraisal round wins (its points, level or corrected ratio). Without
     * one: survey leaves take the survey, dossier-fed leaves the fetched metric, and appraised leaves the
     * self-assessment only when the campaign does not require appraisal ({@code null} otherwise: the leaf scores 0
     * and is listed as missing).
     */
    public static LeafInput finalInput(CriteriaNode leaf, LeafScore score, boolean appraisalRequired) {
        if (score == null) {
            return null;
        }
        Given appraised = score.appraised();
        if (appraised != null) {
            return appraised.input();
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
