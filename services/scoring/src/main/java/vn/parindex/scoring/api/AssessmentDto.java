package vn.parindex.scoring.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.scoring.domain.LeafScore;

/** Bodies of the self-assessment, appraisal, survey and auto-score endpoints. */
public final class AssessmentDto {

    private AssessmentDto() {}

    @Schema(name = "Evidence", description = "A document supporting a self score (tài liệu kiểm chứng)")
    public record Evidence(
            @NotBlank @Size(max = 500) @Schema(examples = "Kế hoạch CCHC năm 2021")
            String title,

            @Size(max = 100) @Schema(examples = "125/KH-UBND")
            String documentNumber,

            @Schema(examples = "2021-01-15") LocalDate documentDate,

            @Size(max = 1000) @Schema(examples = "https://yenbai.gov.vn/vb/125-kh-ubnd")
            String url) {}

    @Schema(
            name = "SelfScore",
            description = "A unit's self score of one leaf: exactly one of points, an evidence level, a ratio"
                    + " (numerator and denominator, e.g. 69 of 70 plan tasks) scored by the criterion's rule, or"
                    + " notApplicable. The value replaces the stored one; explanation and evidence are kept when"
                    + " absent (send \"\" or [] to clear them).")
    public record SelfScore(
            @NotBlank @Size(max = 64) @Schema(examples = "D1.2")
            String criterionCode,

            @Schema(examples = "1.5") BigDecimal points,
            @Size(max = 32) @Schema(examples = "FULL") String level,
            @Schema(examples = "69") BigDecimal numerator,
            @Schema(examples = "70") BigDecimal denominator,
            Boolean notApplicable,
            @Size(max = 4000) String explanation,
            @Size(max = 100) List<@Valid Evidence> evidence) {}

    @Schema(name = "SelfAssessmentRequest")
    public record SelfScores(
            @NotNull @Size(min = 1, max = 2000) List<@Valid @NotNull SelfScore> scores) {}

    @Schema(
            name = "AppraisalScore",
            description = "The council's score of one leaf with its reason: exactly one of points, an evidence level,"
                    + " or a corrected ratio (numerator and denominator)")
    public record AppraisalScore(
            @NotBlank @Size(max = 64) @Schema(examples = "D2.2")
            String criterionCode,

            @Schema(examples = "1.5") BigDecimal points,
            @Size(max = 32) @Schema(examples = "PARTIAL") String level,
            @Schema(examples = "68") BigDecimal numerator,
            @Schema(examples = "70") BigDecimal denominator,

            @NotBlank @Size(max = 4000) @Schema(examples = "Báo cáo thiếu số liệu quý IV")
            String reason) {

        /** The value given. */
        public LeafScore.Given given() {
            return new LeafScore.Given(points, level, numerator, denominator);
        }
    }

    @Schema(name = "AppraisalRequest")
    public record Appraisal(
            @Min(1) @Max(2) @Schema(examples = "1") int round,
            @NotNull @Size(max = 2000) List<@Valid @NotNull AppraisalScore> scores,

            @Schema(
                    description = "Round 1 only: every other self-scored leaf of the unit is confirmed as entered"
                            + " (points, level or ratio) as the round-1 appraisal")
            Boolean confirmSelfForOthers) {}

    @Schema(name = "CorrectionScore", description = "A corrected final score of one unit's leaf")
    public record CorrectionScore(
            @NotBlank @Size(max = 32) @Schema(examples = "04252")
            String unitCode,

            @Valid @NotNull AppraisalScore score) {}

    @Schema(name = "ExplanationRequest", description = "The unit's explanation after appraisal round 1 (giải trình)")
    public record Explanation(
            @NotBlank @Schema(examples = "D2.2") String criterionCode,
            @NotBlank @Size(max = 4000) String text) {}

    @Schema(
            name = "SurveyScore",
            description = "A survey result of a unit on a survey criterion: points or a percentage, and optionally how"
                    + " sure it is (the respondents behind it, or a stated standard error) for rank intervals")
    public record SurveyScore(
            @Schema(examples = "04252") String unitCode,
            @Schema(examples = "D8.1") String criterionCode,
            @Schema(examples = "6") BigDecimal points,
            @Schema(examples = "81.35") BigDecimal value,

            @Schema(
                    description = "Respondents behind this result for the unit (at least 1): gives the"
                            + " sampling error sqrt(p(1-p)/n) of the rank intervals",
                    examples = "120")
            Integer sampleSize,

            @Schema(
                    description = "Or a stated standard error of the result, in percentage points of the"
                            + " criterion's maximum (0 to 50)",
                    examples = "2.5")
            BigDecimal standardErrorPercent) {

        /** A result without sampling information. */
        public SurveyScore(String unitCode, String criterionCode, BigDecimal points, BigDecimal value) {
            this(unitCode, criterionCode, points, value, null, null);
        }
    }

    @Schema(name = "ImportError")
    public record ImportError(int line, String field, String message, String rejectedValue) {}

    @Schema(name = "SurveyImportReport")
    public record ImportReport(int rows, int stored, int rejected, List<ImportError> errors) {}

    @Schema(name = "AutoScore")
    public record AutoScore(
            String unitCode,
            String criterionCode,
            String metric,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator) {}

    @Schema(name = "AutoScoreReport")
    public record AutoReport(int units, int stored, java.time.OffsetDateTime fetchedAt, List<AutoScore> items) {}

    /** What one stage gave for a leaf, with the ratio's percentage and the points the rule gave for it. */
    @Schema(name = "StageScore")
    public record StageScore(
            BigDecimal points,
            String level,
            BigDecimal numerator,
            BigDecimal denominator,

            @Schema(description = "numerator / denominator × 100, unrounded")
            BigDecimal valuePercent,

            @Schema(description = "The percentage as published (the metric's decimals, e.g. 98.6)", examples = "98.6")
            BigDecimal valueDisplay,

            @Schema(description = "Points the criterion's rule gives this entry")
            BigDecimal scoredPoints,

            String reason) {}

    @Schema(name = "SelfScoreView")
    public record SelfView(StageScore score, boolean notApplicable, String explanation, List<Evidence> evidence) {}

    @Schema(name = "SurveyView")
    public record SurveyView(BigDecimal points, BigDecimal value) {}

    @Schema(name = "AutoScoreView")
    public record AutoView(BigDecimal value, BigDecimal numerator, BigDecimal denominator, OffsetDateTime fetchedAt) {}

    @Schema(name = "CriterionScore", description = "Every stage of one unit's score on one leaf criterion")
    public record CriterionScore(
            String criterionCode,
            String criterionName,
            ScoreSource source,
            BigDecimal maxPoints,
            SelfView self,
            StageScore appraisal1,
            String unitExplanation,
            StageScore appraisal2,
            SurveyView survey,
            AutoView auto,
            OffsetDateTime updatedAt) {}

    @Schema(name = "Assessment", description = "A unit's stored scores, every stage, by criterion")
    public record AssessmentView(
            String campaignCode,
            String unitCode,
            String unitName,
            @Schema(enumeration = {"DRAFT", "SUBMITTED"}) String selfAssessment,

            @Schema(description = "Revision of the unit's scores (the ETag names it)")
            long revision,

            List<CriterionScore> scores) {}

    @Schema(name = "StageValues", description = "A stage's values before or after a change")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record StageValues(
            BigDecimal points,
            String level,
            BigDecimal numerator,
            BigDecimal denominator,
            Boolean notApplicable,
            BigDecimal value,
            String explanation,
            List<Evidence> evidence,
            String reason,
            String fetchedAt) {}

    @Schema(name = "ScoreHistoryEntry", description = "Who changed what when, before and after, and why")
    public record HistoryView(
            long id,
            OffsetDateTime at,
            String actor,
            String criterionCode,

            @Schema(
                    examples = "APPRAISAL_ROUND_1",
                    description = "SELF_SCORE, APPRAISAL_ROUND_1, UNIT_EXPLANATION, APPRAISAL_ROUND_2, CORRECTION,"
                            + " SURVEY_SCORE, AUTO_SCORE, SUBMIT, WITHDRAW, EXCLUDE, INCLUDE, COUNCIL")
            String action,

            StageValues before,
            StageValues after,
            String reason) {}
}
