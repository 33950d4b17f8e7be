package vn.parindex.scoring.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.ComparisonRule;
import vn.parindex.scoring.domain.UnitResult;

/** Bodies of {@code /api/campaigns}. */
public final class CampaignDto {

    private CampaignDto() {}

    @Schema(
            name = "CampaignRequest",
            description = "A yearly campaign: a published criteria set × a peer group of the same year and level."
                    + " Sending the same request again answers 200 with the campaign it created (safe to retry).")
    public record Create(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold letters, digits, '.', '-', '_'")
            @Schema(examples = "YB-DIST-2021")
            String code,

            @Size(max = 300) @Schema(examples = "Chỉ số CCHC cấp huyện tỉnh Yên Bái 2021")
            String name,

            @Min(1990) @Max(2100) @Schema(examples = "2021") int year,

            @NotBlank @Size(max = 64) @Schema(examples = "PAR_DIST_YB_2021")
            String criteriaSetCode,

            @NotBlank @Size(max = 64) @Schema(examples = "YB-DISTRICTS-2021")
            String unitGroupCode,

            @Size(max = 64) @Schema(examples = "YB-DIST-2020")
            String previousCampaignCode,

            @Schema(
                    description = "How units are compared with the previous campaign (default NONE: same code"
                            + " only). MEAN_OF_PREDECESSORS compares a merged or split unit with the mean of the"
                            + " units it was formed from (registry lineage)")
            ComparisonRule comparisonRule,

            @NotNull @Schema(examples = "2021-12-15T17:00:00+07:00")
            OffsetDateTime selfAssessmentDeadline,

            @Schema(
                    description = "Whether appraised criteria need an appraisal to count (default true); when false"
                            + " the self score counts until an appraiser changes it")
            Boolean appraisalRequired) {}

    @Schema(name = "CampaignMember")
    public record Member(
            String unitCode,
            String unitName,
            String unitType,
            String unitLevel,
            @Schema(enumeration = {"DRAFT", "SUBMITTED"}) String selfAssessment,

            @Schema(description = "Set when the unit is left out of the ranking")
            UnitResult.Exclusion excluded) {}

    @Schema(name = "Campaign")
    public record Response(
            String code,
            String name,
            int year,
            String criteriaSetCode,
            String criteriaSetRevision,
            String unitGroupCode,

            @Schema(description = "The day the group's members were taken on")
            LocalDate unitGroupAsOf,

            @Schema(
                    nullable = true,
                    description = "The version of the peer group the members were taken from: the registry's"
                            + " version in force in the campaign's year (null for campaigns made before group"
                            + " versions)")
            Integer groupVersion,

            @Schema(description = "Level of the group's units")
            String unitLevel,

            String previousCampaignCode,
            ComparisonRule comparisonRule,
            boolean appraisalRequired,
            OffsetDateTime selfAssessmentDeadline,
            CampaignStatus status,
            boolean selfAssessmentOpen,

            @Schema(description = "True when the results were imported from a published table")
            boolean resultsImported,

            @Schema(description = "Until when units may contest the preliminary ranking (status PRELIMINARY)")
            OffsetDateTime contestDeadline,

            int memberCount,

            @Schema(description = "Members with their self-assessment status (absent in listings)")
            List<Member> members,

            OffsetDateTime createdAt,
            String createdBy) {}

    @Schema(name = "ExclusionRequest", description = "Leaves a unit out of the ranking, with the reason shown")
    public record Exclude(
            @NotBlank @Size(max = 2000) @Schema(examples = "Đơn vị mới thành lập, chưa đủ 6 tháng hoạt động")
            String reason) {}

    @Schema(
            name = "AppraisalCouncilRequest",
            description = "The campaign's appraisal council: user names or token subjects (replaces the list)")
    public record Council(@NotNull @Size(max = 500) List<@NotBlank @Size(max = 200) String> appraisers) {}

    @Schema(name = "AppraisalCouncil")
    public record CouncilView(String campaignCode, List<CouncilMember> appraisers) {}

    @Schema(name = "AppraisalCouncilMember")
    public record CouncilMember(String appraiser, String assignedBy, OffsetDateTime assignedAt) {}
}
