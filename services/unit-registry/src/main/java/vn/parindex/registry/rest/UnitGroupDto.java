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
            LocalDate asOf,

            @Size(max = 2000)
            @Schema(
                    nullable = true,
                    description = "Why the group is made: the reason of its version 1 (default: 'Group created')")
            String reason) {}

    @Schema(
            name = "UnitGroupVersionRequest",
            description = "The group's members of a year, from member codes or from a rule (as 'rule' or as"
                    + " top-level parentCode/level), and why the group changes")
    public record VersionRequest(
            @Schema(description = "Explicit member codes", examples = "[\"01\", \"04\", \"08\"]") @Size(max = 20_000)
            List<@NotBlank @Size(max = 32) String> memberCodes,

            @Valid Rule rule,
            @Size(max = 32) @Schema(examples = "15") String parentCode,
            @Schema(examples = "COMMUNE") Level level,

            @Schema(
                    description =
                            "Date the members are taken on, a day of the version's year (default: 31" + " December)",
                    examples = "2025-12-31")
            LocalDate asOf,

            @NotBlank
            @Size(max = 2000)
            @Schema(
                    description = "Why the group changes (legal basis, decision)",
                    examples = "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh")
            String reason) {}

    @Schema(name = "UnitGroupVersion", description = "One version of a peer group (members omitted)")
    public record VersionSummary(
            int version,
            int year,
            LocalDate asOf,
            @Schema(nullable = true) Rule rule,
            int memberCount,
            String reason,

            @Schema(nullable = true, description = "Who recorded the version")
            String recordedBy,

            OffsetDateTime recordedAt) {}

    @Schema(name = "UnitGroupVersions")
    public record Versions(String code, String name, List<VersionSummary> versions) {}

    @Schema(name = "UnitGroupRenamedMember", description = "A member kept under its code whose name changed")
    public record Renamed(String code, String fromName, String toName) {}

    @Schema(
            name = "UnitGroupDiff",
            description = "What changed from the version in force in 'from' to the one in force in 'to'")
    public record Diff(
            String code,
            int fromYear,
            int toYear,
            VersionSummary from,
            VersionSummary to,

            @Schema(description = "Members of 'to' not in 'from', in the order of 'to'")
            List<Member> added,

            @Schema(description = "Members of 'from' not in 'to', in the order of 'from'")
            List<Member> removed,

            @Schema(description = "How many members both hold")
            int kept,

            List<Renamed> renamed,
            boolean ruleChanged,

            @Schema(description = "The versions recorded after 'from' up to 'to', with their reasons")
            List<VersionSummary> changes) {}

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
            List<Member> members,

            @Schema(
                    nullable = true,
                    description = "The version shown: in force in the year asked for, else the latest. 'year',"
                            + " 'asOf', 'rule' and 'memberCount' are this version's")
            Integer version,

            @Schema(nullable = true, description = "Why this version was recorded")
            String reason,

            @Schema(nullable = true, description = "Who recorded this version")
            String versionRecordedBy,

            @Schema(nullable = true) OffsetDateTime versionRecordedAt) {}
}
