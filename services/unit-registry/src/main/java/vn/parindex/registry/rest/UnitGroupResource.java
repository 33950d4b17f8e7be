package vn.parindex.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.service.UnitGroupService;
import vn.parindex.registry.store.UnitGroup;

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
                Actor.of(caller)));
        return Response.created(URI.create("/api/unit-groups/" + view.group().code))
                .entity(toDto(view, true))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A peer group with its members")
    @APIResponse(responseCode = "200", description = "The peer group")
    @APIResponse(responseCode = "404", description = "GROUP_NOT_FOUND")
    public UnitGroupDto.Response get(@RestPath String code) {
        return toDto(groups.findGroup(code), true);
    }

    @GET
    @Operation(summary = "Peer groups, newest year first (members omitted)")
    public Page<UnitGroupDto.Response> list(@RestQuery String year, @RestQuery String page, @RestQuery String size) {
        Integer y = year == null || year.isBlank() ? null : Params.intOrDefault("year", year, 0);
        return groups.listGroups(y, PageRequest.parse(page, size)).map(v -> toDto(v, false));
    }

    private static UnitGroupDto.Response toDto(UnitGroupService.GroupView view, boolean withMembers) {
        UnitGroup g = view.group();
        Level level = g.ruleLevel;
        return new UnitGroupDto.Response(
                g.code,
                g.name,
                g.year,
                g.asOf,
                g.ruleParentCode == null ? null : new UnitGroupDto.Rule(g.ruleParentCode, level, g.asOf),
                (int) view.memberCount(),
                g.createdBy,
                g.createdAt,
                withMembers
                        ? view.members().stream()
                                .map(m -> new UnitGroupDto.Member(m.id.unitCode, m.name, m.type, m.level, m.parentCode))
                                .toList()
                        : null);
    }
}
