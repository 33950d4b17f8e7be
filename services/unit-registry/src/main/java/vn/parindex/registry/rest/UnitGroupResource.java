package vn.parindex.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.registry.domain.GroupMember;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.service.UnitGroupService;
import vn.parindex.registry.store.UnitGroup;
import vn.parindex.registry.store.UnitGroupVersion;

/** Peer groups (khối) that units are ranked in. */
@Path("/api/unit-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Peer groups", description = "Groups of units ranked together, members frozen on a date")
public class UnitGroupResource {

    private final UnitGroupService groups;
    private final SecurityIdentity caller;

    public UnitGroupResource(UnitGroupService groups, SecurityIdentity caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a peer group from member codes or from a rule {parentCode, level, asOf}")
    @APIResponse(
            responseCode = "201",
            description = "Created with its members",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Response.class)))
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED, UNKNOWN_MEMBERS, or MIXED_LEVELS: members not all of one level (the"
                    + " first offending member is named as memberCodes[i], or as rule)")
    @APIResponse(responseCode = "409", description = "GROUP_CODE_EXISTS")
    public Response create(@Valid @NotNull UnitGroupDto.Create request) {
        UnitGroupDto.Rule rule = request.rule() != null
                ? request.rule()
                : request.parentCode() != null
                        ? new UnitGroupDto.Rule(request.parentCode(), request.level(), request.asOf())
                        : null;
        UnitGroupService.GroupView view = groups.createGroup(new UnitGroupService.GroupSpec(
                request.code(),
                request.name(),
                request.year(),
                request.memberCodes(),
                rule == null ? null : rule.parentCode(),
                rule == null ? null : rule.level(),
                rule != null && rule.asOf() != null ? rule.asOf() : request.asOf(),
                Actor.of(caller),
                request.reason()));
        return Response.created(URI.create("/api/unit-groups/" + view.group().code))
                .entity(toDto(view, true))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A peer group with its members, in its version in force in a year (default: the latest)")
    @APIResponse(
            responseCode = "200",
            description = "The peer group in one version",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Response.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: year is not a number")
    @APIResponse(
            responseCode = "404",
            description = "GROUP_NOT_FOUND, or GROUP_VERSION_NOT_FOUND: year is before the group's first version")
    public UnitGroupDto.Response get(
            @RestPath String code,
            @Parameter(description = "The year whose version in force is shown (default: the latest version)")
                    @RestQuery
                    String year) {
        return toDto(groups.findGroup(code, optionalYear("year", year)), true);
    }

    @RolesAllowed({Roles.ADMIN})
    @PUT
    @Path("/{code}/versions/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the group's members of a year (a new version), from member codes or a rule, with the"
                    + " reason for the change")
    @APIResponse(
            responseCode = "201",
            description = "A new version was recorded",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Response.class)))
    @APIResponse(
            responseCode = "200",
            description = "The year's version already holds these members, rule and date: nothing stored",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Response.class)))
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED (reason empty, year out of range, asOf not in the year, neither or"
                    + " both of memberCodes and rule), UNKNOWN_MEMBERS (memberCodes[i] is no unit code, or no unit"
                    + " on the version's date; every one named), or MIXED_LEVELS")
    @APIResponse(responseCode = "404", description = "GROUP_NOT_FOUND")
    public Response putVersion(
            @RestPath String code,
            @Parameter(description = "The version's year", example = "2025") @RestPath String year,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = UnitGroupDto.VersionRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "rule",
                                                            value =
                                                                    "{\"rule\": {\"parentCode\": \"15\", \"level\": \"COMMUNE\"}, \"reason\": \"Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025\"}")))
                    @Valid
                    @NotNull
                    UnitGroupDto.VersionRequest request) {
        int y = requiredYear("year", year);
        UnitGroupDto.Rule rule = request.rule() != null
                ? request.rule()
                : request.parentCode() != null
                        ? new UnitGroupDto.Rule(request.parentCode(), request.level(), request.asOf())
                        : null;
        UnitGroupService.VersionWrite write = groups.putVersion(new UnitGroupService.VersionSpec(
                code,
                y,
                request.memberCodes(),
                rule == null ? null : rule.parentCode(),
                rule == null ? null : rule.level(),
                rule != null && rule.asOf() != null ? rule.asOf() : request.asOf(),
                request.reason(),
                Actor.of(caller)));
        return Response.status(write.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/unit-groups/" + code + "?year=" + y))
                .entity(toDto(write.view(), true))
                .build();
    }

    @GET
    @Path("/{code}/versions")
    @Operation(summary = "Every version of a peer group, oldest first, with reasons and who recorded them when")
    @APIResponse(
            responseCode = "200",
            description = "The versions",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Versions.class)))
    @APIResponse(responseCode = "404", description = "GROUP_NOT_FOUND")
    public UnitGroupDto.Versions versions(@RestPath String code) {
        var versions = groups.versions(code);
        UnitGroup group = UnitGroup.findById(code);
        return new UnitGroupDto.Versions(
                code,
                group == null ? null : group.name,
                versions.stream().map(UnitGroupResource::summary).toList());
    }

    @GET
    @Path("/{code}/diff")
    @Operation(
            summary = "What changed between the versions in force in two years: members added and removed (with"
                    + " names), renamed, rule change and the reasons recorded")
    @APIResponse(
            responseCode = "200",
            description = "The difference",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitGroupDto.Diff.class)))
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED: from or to missing, not a number, or from after to")
    @APIResponse(
            responseCode = "404",
            description = "GROUP_NOT_FOUND, or GROUP_VERSION_NOT_FOUND: from or to is before the first version")
    public UnitGroupDto.Diff diff(
            @RestPath String code,
            @Parameter(description = "The earlier year", required = true, example = "2025") @RestQuery String from,
            @Parameter(description = "The later year", required = true, example = "2026") @RestQuery String to) {
        int f = requiredYear("from", from);
        int t = requiredYear("to", to);
        UnitGroupService.VersionDiff d = groups.diff(code, f, t);
        return new UnitGroupDto.Diff(
                code,
                f,
                t,
                summary(d.from()),
                summary(d.to()),
                d.diff().added().stream().map(UnitGroupResource::member).toList(),
                d.diff().removed().stream().map(UnitGroupResource::member).toList(),
                d.diff().kept(),
                d.diff().renamed().stream()
                        .map(r -> new UnitGroupDto.Renamed(r.code(), r.fromName(), r.toName()))
                        .toList(),
                !Objects.equals(d.from().ruleParentCode, d.to().ruleParentCode)
                        || d.from().ruleLevel != d.to().ruleLevel
                        || (d.from().ruleParentCode != null && !d.from().asOf.equals(d.to().asOf)),
                d.between().stream().map(UnitGroupResource::summary).toList());
    }

    @GET
    @Operation(summary = "Peer groups, newest year first (members omitted)")
    public Page<UnitGroupDto.Response> list(@RestQuery String year, @RestQuery String page, @RestQuery String size) {
        Integer y = year == null || year.isBlank() ? null : Params.intOrDefault("year", year, 0);
        return groups.listGroups(y, PageRequest.parse(page, size)).map(v -> toDto(v, false));
    }

    private static UnitGroupDto.Response toDto(UnitGroupService.GroupView view, boolean withMembers) {
        UnitGroup g = view.group();
        UnitGroupVersion v = view.version();
        return new UnitGroupDto.Response(
                g.code,
                g.name,
                v == null ? g.year : v.year,
                v == null ? g.asOf : v.asOf,
                v == null ? rule(g.ruleParentCode, g.ruleLevel, g.asOf) : rule(v.ruleParentCode, v.ruleLevel, v.asOf),
                (int) view.memberCount(),
                g.createdBy,
                g.createdAt,
                withMembers
                        ? view.members().stream().map(UnitGroupResource::member).toList()
                        : null,
                v == null ? null : v.id.version,
                v == null ? null : v.reason,
                v == null ? null : v.recordedBy,
                v == null ? null : v.recordedAt);
    }

    private static UnitGroupDto.Rule rule(String parentCode, Level level, LocalDate asOf) {
        return parentCode == null ? null : new UnitGroupDto.Rule(parentCode, level, asOf);
    }

    private static UnitGroupDto.Member member(GroupMember m) {
        return new UnitGroupDto.Member(m.code(), m.name(), m.type(), m.level(), m.parentCode());
    }

    private static UnitGroupDto.VersionSummary summary(UnitGroupVersion v) {
        return new UnitGroupDto.VersionSummary(
                v.id.version,
                v.year,
                v.asOf,
                rule(v.ruleParentCode, v.ruleLevel, v.asOf),
                v.memberCount,
                v.reason,
                v.recordedBy,
                v.recordedAt);
    }

    private static Integer optionalYear(String name, String raw) {
        return raw == null || raw.isBlank() ? null : requiredYear(name, raw);
    }

    /** A year between 1990 and 2100, or a 400 naming the parameter. */
    private static int requiredYear(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED, name + " is required", List.of(FieldError.of(name, "is required")));
        }
        int year;
        try {
            year = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            year = -1;
        }
        if (year < 1990 || year > 2100) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    name + " must be a year between 1990 and 2100",
                    List.of(FieldError.of(name, "must be a year between 1990 and 2100", raw)));
        }
        return year;
    }
}
