package vn.parindex.scoring.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.assessment.AssessmentDto;

/** Bodies of publication and correction. */
public final class PublicationDto {

    private PublicationDto() {}

    @Schema(name = "PublishRequest", description = "The decision that publishes the ranking (quyết định công bố)")
    public record Publish(
            @NotBlank @Size(max = 100) @Schema(examples = "350/QĐ-UBND")
            String decisionNumber,

            @NotNull @Schema(examples = "2022-03-01") LocalDate decisionDate) {}

    @Schema(name = "CorrectionScore")
    public record CorrectionScore(
            @NotBlank @Schema(examples = "04252") String unitCode,
            @Valid @NotNull AssessmentDto.AppraisalScore score) {}

    @Schema(
            name = "CorrectionRequest",
            description = "Corrected final points (stored as the last appraisal) published as a new version")
    public record Correction(
            @NotBlank @Size(max = 4000) @Schema(examples = "Sai sót số liệu tiêu chí D3.3 của huyện Văn Yên")
            String reason,

            @NotBlank @Size(max = 100) @Schema(examples = "412/QĐ-UBND")
            String decisionNumber,

            @NotNull @Schema(examples = "2022-04-10") LocalDate decisionDate,
            @NotNull @Size(min = 1) List<@Valid @NotNull CorrectionScore> scores) {}

    @Schema(name = "RankingVersion")
    public record VersionSummary(
            int version,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            java.time.OffsetDateTime publishedAt,
            String publishedBy) {}
}
