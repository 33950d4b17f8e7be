package vn.parindex.scoring.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.domain.ComparisonRule;

/** Bodies of {@code /api/campaigns}. */
public final class CampaignDto {

    private CampaignDto() {}

    @Schema(name = "CampaignRequest", description = "A yearly campaign: a published criteria set × a peer group")
    public record Create(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold letters, digits, '.', '-', '_'")
            @Schema(examples = "YB-DIST-2021")
            String code,

            @Size(max = 300) @Schema(examples = "Chỉ số CCHC cấp huyện tỉnh Yên Bái 2021")
            String name,

            @Min(1990) @Max(2100) @Schema(examples = "2021") int year,
            @NotBlank @Schema(examples = "PAR_DIST_YB_2021") String criteriaSetCode,

            @NotBlank @Schema(examples = "YB-DISTRICTS-2021")
            String unitGroupCode,

            @Schema(examples = "YB-DIST-2020") String previousCampaignCode,

            @Schema(description = "How units without a previous result are compared (default NONE)")
            ComparisonRule comparisonRule,

            @NotNull @Schema(examples = "2021-12-15T17:00:00+07:00")
            OffsetDateTime selfAssessmentDeadline,

            @Schema(
                    description = "Whether appraised criteria need an appraisal to count (default true); when false"
                            + " the self score counts until an appraiser changes it")
            Boolean appraisalRequired) {}

    @Schema(name = "CampaignMember")
    public record Member(String unitCode, String unitName, String unitType, String selfAssessment) {}

    @Schema(name = "Campaign")
    public record Response(
            String code,
            String name,
            int year,
            String criteriaSetCode,
            String criteriaSetRevision,
            String unitGroupCode,
            String previousCampaignCode,
            ComparisonRule comparisonRule,
            boolean appraisalRequired,
            OffsetDateTime selfAssessmentDeadline,
            CampaignStatus status,
            boolean selfAssessmentOpen,
            int memberCount,

            @Schema(description = "Members with their self-assessment status (absent in listings)")
            List<Member> members,

            OffsetDateTime createdAt) {}
}
