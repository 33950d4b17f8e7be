package vn.parindex.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.Level;

/** Request bodies of unit writes. */
public final class UnitWriteDto {

    private UnitWriteDto() {}

    @Schema(name = "UnitCreateRequest", description = "A new unit or agency, valid from a date")
    public record Create(
            @NotBlank @Size(max = 32) @Schema(examples = "15.SNV")
            String code,

            @NotBlank @Size(max = 200) @Schema(examples = "Sở Nội vụ tỉnh Lào Cai")
            String name,

            @NotBlank @Size(max = 64) @Schema(examples = "sở")
            String type,

            @NotNull @Schema(examples = "AGENCY") Level level,
            @Size(max = 32) @Schema(examples = "15") String parentCode,
            @NotNull @Schema(examples = "2025-07-01") LocalDate validFrom,

            @Size(max = 500) @Schema(examples = "Quyết định 1234/QĐ-UBND")
            String legalBasis) {}

    @Schema(
            name = "UnitChangeRequest",
            description = "A dated rename, retype or re-parent; absent fields keep their value")
    public record Change(
            @NotNull @Schema(examples = "2026-04-30") LocalDate effectiveDate,

            @Size(min = 1, max = 200) @Schema(examples = "Phường Long Thành")
            String name,

            @Size(min = 1, max = 64) @Schema(examples = "phường")
            String type,

            @Size(max = 32) String parentCode,

            @NotBlank @Size(max = 500) @Schema(examples = "Nghị quyết 30/2026/QH16")
            String legalBasis,

            @Size(max = 1000) String reason) {}
}
