package vn.parindex.scoring.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.scoring.api.AssessmentDto.CorrectionScore;

/** Bodies of publication, correction and the import of published results. */
public final class PublicationDto {

    private PublicationDto() {}

    @Schema(name = "PublishRequest", description = "The decision that publishes the ranking (quyết định công bố)")
    public record Publish(
            @NotBlank @Size(max = 100) @Schema(examples = "350/QĐ-UBND")
            String decisionNumber,

            @NotNull @Schema(examples = "2022-03-01") LocalDate decisionDate) {}

    @Schema(
            name = "CorrectionRequest",
            description = "Corrected final scores (stored as the last appraisal) published as a new version")
    public record Correction(
            @NotBlank @Size(max = 4000) @Schema(examples = "Sai sót số liệu tiêu chí D3.3 của huyện Văn Yên")
            String reason,

            @NotBlank @Size(max = 100) @Schema(examples = "412/QĐ-UBND")
            String decisionNumber,

            @NotNull @Schema(examples = "2022-04-10") LocalDate decisionDate,
            @NotNull @Size(min = 1, max = 2000) List<@Valid @NotNull CorrectionScore> scores) {}

    @Schema(
            name = "PublishedCampaign",
            description = "A campaign with at least one published (or imported) ranking, as the public list shows it:"
                    + " what it ranks and its latest version")
    public record PublishedCampaign(
            @Schema(examples = "YB-DIST-2021") String code,

            @Schema(examples = "Chỉ số CCHC các huyện, thị xã, thành phố tỉnh Yên Bái năm 2021")
            String name,

            @Schema(examples = "2021") int year,

            @Schema(
                    description = "Administrative level of the ranked units (PROVINCE, DISTRICT, COMMUNE, AGENCY)",
                    examples = "DISTRICT")
            String unitLevel,

            @Schema(description = "The unit group the campaign ranks", examples = "YB-DISTRICTS-2021")
            String unitGroupCode,

            @Schema(examples = "PUBLISHED") String status,

            @Schema(description = "Number of the latest published version", examples = "2")
            int latestVersion,

            @Schema(description = "How many versions are published (1 + corrections)", examples = "2")
            int versionCount,

            @Schema(description = "When the latest version was published")
            java.time.OffsetDateTime publishedAt,

            @Schema(description = "When the first version was published")
            java.time.OffsetDateTime firstPublishedAt,

            @Schema(examples = "412/QĐ-UBND") String decisionNumber,
            LocalDate decisionDate,

            @Schema(description = "True when the latest version was imported from a published table")
            boolean imported) {}

    @Schema(name = "RankingVersion")
    public record VersionSummary(
            int version,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            java.time.OffsetDateTime publishedAt,
            String publishedBy,

            @Schema(description = "True for a ranking imported from a published table")
            boolean imported,

            String sourceUrl,

            @Schema(
                    description = "PRELIMINARY (the contest window's ranking) or FINAL",
                    enumeration = {"PRELIMINARY", "FINAL"})
            String stage) {}

    @Schema(
            name = "PreliminaryPublishRequest",
            description = "The decision that publishes a preliminary ranking, and until when units may contest it")
    public record Preliminary(
            @NotBlank @Size(max = 100) @Schema(examples = "350/QĐ-UBND")
            String decisionNumber,

            @NotNull @Schema(examples = "2022-03-01") LocalDate decisionDate,

            @NotNull @Schema(description = "Must be in the future", examples = "2022-03-15T17:00:00+07:00")
            java.time.OffsetDateTime contestDeadline) {}

    @Schema(
            name = "PublishedResultsRequest",
            description = "A year's results as a decision published them: per unit the total (points or index) and"
                    + " optionally part and field totals and the rank. The campaign becomes PUBLISHED with these"
                    + " results, marked imported, and can serve as another campaign's previousCampaignCode.")
    public record PublishedResults(
            @NotBlank @Size(max = 100) @Schema(examples = "1045/QĐ-BNV")
            String decisionNumber,

            @NotNull @Schema(examples = "2025-05-12") LocalDate decisionDate,

            @Size(max = 1000) @Schema(examples = "https://moha.gov.vn/chi-so-cai-cach-hanh-chinh-2024")
            String sourceUrl,

            @Size(max = 4000) String note,
            @NotNull @Size(min = 1, max = 20_000) List<@Valid @NotNull PublishedResult> results) {}

    @Schema(name = "PublishedResult", description = "One unit's line of a published table")
    public record PublishedResult(
            @NotBlank @Size(max = 32) @Schema(examples = "15")
            String unitCode,

            @Schema(description = "Total points (give this or indexPercent)", examples = "86.12")
            BigDecimal totalPoints,

            @Schema(description = "Index in % (default: totalPoints / the set's maximum × 100)", examples = "86.12")
            BigDecimal indexPercent,

            @Min(1) @Schema(description = "Rank as published (give it for every row or for none)", examples = "21")
            Integer rank,

            @Size(max = 50) List<@Valid @NotNull PublishedSubtotal> parts,
            @Size(max = 200) List<@Valid @NotNull PublishedSubtotal> fields) {}

    @Schema(name = "PublishedSubtotal")
    public record PublishedSubtotal(
            @NotBlank @Size(max = 64) @Schema(examples = "A")
            String code,

            @NotNull @Schema(examples = "62.88") BigDecimal points) {}
}
