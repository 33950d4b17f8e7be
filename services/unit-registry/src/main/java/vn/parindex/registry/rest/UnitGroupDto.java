package vn.parindex.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.Level;

/** Bodies of {@code /api/unit-groups}. */
public final class UnitGroupDto {

    private UnitGroupDto() {}

    @Schema(
            name = "UnitGroupRequest",
            description = "A peer group, from a list of member codes or from a rule (all units of a level below a"
                    + " parent on a date). The rule may be given as 'rule' or as top-level parentCode/level/asOf.")
    public record Create(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold letters, digits, '.', '-', '_'")
            @Schema(examples = "YB-DISTRICTS-2021")
            String code,

            @NotBlank @Size(max = 300) @Schema(examples = "Huyện, thị xã, thành phố tỉnh Yên Bái 2021")
            String name,

            @Min(1990) @Max(2100) @Schema(examples = "2021") int year,

            @Schema(description = "Explicit member codes") @Size(max = 20_000)
            List<@NotBlank @Size(max = 32) String> memberCodes,

            @Valid Rule rule,
            @Size(max = 32) @Schema(examples = "15") String parentCode,
            @Schema(examples = "DISTRICT") Level level,

            @Schema(
                    description = "Date the members are taken on (default: 31 December of year)",
                    examples = "2021-12-31")
            LocalDate asOf) {}

    @Schema(name = "UnitGroupRule")
    public record Rule(
            @NotBlank @Size(max = 32) @Schema(examples = "15")
            String parentCode,

            @Schema(examples = "DISTRICT") Level level,
            @Schema(examples = "2021-12-31") LocalDate asOf) {}

    @Schema(name = "UnitGroupMember")
    public record Member(String code, String name, String type, Level level, String parentCode) {}

    @Schema(name = "UnitGroup")
    public record Response(
            String code,
            String name,
            int year,
            LocalDate asOf,

            @Schema(nullable = true, description = "The rule the members were taken by; null for a list")
            Rule rule,

            int memberCount,

            @Schema(nullable = true, description = "Who created the group (null for groups made before 2026-12)")
            String createdBy,

            OffsetDateTime createdAt,

            @Schema(description = "Members in order (absent in listings)")
            List<Member> members) {}
}
