package vn.parindex.scoring.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
            description = "A unit's self score of one leaf: points, an evidence level, or a ratio (numerator and"
                    + " denominator, e.g. 69 of 70 plan tasks) scored by the criterion's rule; or notApplicable")
    public record SelfScore(
            @NotBlank @Schema(examples = "D1.2") String criterionCode,
            @Schema(examples = "1.5") BigDecimal points,
            @Schema(examples = "FULL") String level,
            @Schema(examples = "69") BigDecimal numerator,
            @Schema(examples = "70") BigDecimal denominator,
            Boolean notApplicable,
            @Size(max = 4000) String explanation,
            List<@Valid Evidence> evidence) {}

    @Schema(name = "SelfAssessmentRequest")
    public record SelfScores(
            @NotNull @Size(min = 1, max = 2000) List<@Valid @NotNull SelfScore> scores) {}

    @Schema(name = "AppraisalScore")
    public record AppraisalScore(
            @NotBlank @Schema(examples = "D2.2") String criterionCode,
            @NotNull @Schema(examples = "1.5") BigDecimal points,

            @NotBlank @Size(max = 4000) @Schema(examples = "Báo cáo thiếu số liệu quý IV")
            String reason) {}

    @Schema(name = "AppraisalRequest")
    public record Appraisal(
            @Min(1) @Max(2) @Schema(examples = "1") int round,
            @NotNull List<@Valid @NotNull AppraisalScore> scores,

            @Schema(
                    description = "Round 1 only: every other self-scored leaf of the unit gets its self points as"
                            + " the round-1 appraisal (the council confirms them)")
            Boolean confirmSelfForOthers) {}

    @Schema(name = "ExplanationRequest", description = "The unit's explanation after appraisal round 1 (giải trình)")
    public record Explanation(
            @NotBlank @Schema(examples = "D2.2") String criterionCode,
            @NotBlank @Size(max = 4000) String text) {}

    @Schema(
            name = "SurveyScore",
            description = "A survey result of a unit on a survey criterion: points or a percentage")
    public record SurveyScore(
            @Schema(examples = "04252") String unitCode,
            @Schema(examples = "D8.1") String criterionCode,
            @Schema(examples = "6") BigDecimal points,
            @Schema(examples = "81.35") BigDecimal value) {}

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
}
