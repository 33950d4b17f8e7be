package vn.parindex.scoring.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and views of the contest window: a unit contests a criterion of a preliminary ranking; the council decides. */
public final class ContestDto {

    private ContestDto() {}

    /** A decision's outcome. */
    public enum Outcome {
        ACCEPTED,
        REJECTED
    }

    @Schema(name = "ContestRequest", description = "A unit's contest of one criterion's score in a preliminary ranking")
    public record File(
            @NotBlank @Size(max = 32) @Schema(examples = "132")
            String unitCode,

            @NotBlank @Size(max = 64) @Schema(examples = "D2.2")
            String criterionCode,

            @NotBlank @Size(max = 4000) @Schema(examples = "Văn bản đã ban hành đúng hạn, xem Quyết định 12/QĐ-UBND")
            String reason,

            @Size(max = 4000) @Schema(examples = "https://vbpl.example.gov.vn/12-QD-UBND.pdf")
            String evidence) {}

    @Schema(name = "ContestDecisionRequest", description = "The appraisal council's decision on a contest")
    public record Decision(
            @NotNull Outcome outcome,

            @Schema(description = "The corrected points of the criterion; required when ACCEPTED", examples = "1")
            BigDecimal correctedPoints,

            @NotBlank @Size(max = 4000) @Schema(examples = "Hồ sơ bổ sung hợp lệ")
            String reason) {}

    @Schema(name = "Contest")
    public record View(
            long id,
            String campaignCode,
            String unitCode,
            String criterionCode,
            String reason,
            String evidence,

            @Schema(enumeration = {"OPEN", "ACCEPTED", "REJECTED", "LAPSED"})
            String status,

            @Schema(description = "The criterion's final points when the contest was filed")
            BigDecimal pointsBefore,

            @Schema(description = "The corrected points (ACCEPTED)")
            BigDecimal pointsAfter,

            String decisionReason,
            String filedBy,
            OffsetDateTime filedAt,
            String decidedBy,
            OffsetDateTime decidedAt) {}
}
