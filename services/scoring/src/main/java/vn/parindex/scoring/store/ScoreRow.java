package vn.parindex.scoring.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.parindex.scoring.domain.LeafScore;

/** One stored {@code score} row of a unit: every stage of one leaf, as read from the table. */
public record ScoreRow(
        String criterionCode,
        LeafScore.Given self,
        boolean selfNotApplicable,
        String selfExplanation,
        String evidenceJson,
        LeafScore.Given appraisal1,
        String appraisal1Reason,
        String unitExplanation,
        LeafScore.Given appraisal2,
        String appraisal2Reason,
        BigDecimal surveyPoints,
        BigDecimal surveyValue,
        BigDecimal autoValue,
        BigDecimal autoNumerator,
        BigDecimal autoDenominator,
        OffsetDateTime autoFetchedAt,
        OffsetDateTime updatedAt) {

    /** The stages the rules read. */
    public LeafScore leafScore() {
        return new LeafScore(
                self,
                selfNotApplicable,
                appraisal1,
                appraisal2,
                surveyPoints,
                surveyValue,
                autoValue,
                autoNumerator,
                autoDenominator);
    }
}
