package vn.parindex.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.registry.domain.UnitAttributes;
import vn.parindex.registry.domain.UnitCodes;
import vn.parindex.registry.service.UnitChangeService;
import vn.parindex.registry.store.UnitVersion;

/** Writes on single units: create, dated change. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_PARENT, NO_CHANGE")
public class UnitWriteResource {

    private final UnitChangeService changes;
    private final SecurityIdentity caller;

    public UnitWriteResource(UnitChangeService changes, SecurityIdentity caller) {
        this.changes = changes;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Operation(summary = "Create a unit or an agency (sở, ban, ngành under a province)")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location points at the new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "409", description = "UNIT_CODE_EXISTS: codes are never reused")
    public Response create(@Valid @NotNull UnitWriteDto.Create request) {
        UnitVersion created = changes.createUnit(
                new UnitAttributes(
                        request.code(), request.name(), request.type(), request.level(), request.parentCode()),
                request.validFrom(),
                request.legalBasis(),
                Actor.of(caller));
        return created(created);
    }

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Path("/{code}/changes")
    @Operation(
            summary = "Record a dated rename, retype or re-parent",
            description = "Closes the open version the day before effectiveDate and opens a new one; earlier"
                    + " versions are never rewritten.")
    @APIResponse(
            responseCode = "201",
            description = "The new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "VALIDITY_OVERLAP or PARENT_CYCLE")
    public Response change(
            @RestPath @Parameter(description = "The unit's code", example = "02647") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = UnitWriteDto.Change.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "rename",
                                                            value =
                                                                    "{\"effectiveDate\": \"2026-04-30\", \"name\": \"Phường Lào Cai Mới\", \"legalBasis\": \"Nghị quyết 30/2026/QH16\", \"reason\": \"Đổi tên\"}")))
                    @Valid
                    @NotNull
                    UnitWriteDto.Change request) {
        UnitVersion next = changes.changeUnit(
                Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                new UnitChangeService.Change(
                        request.effectiveDate(),
                        request.name(),
                        request.type(),
                        request.parentCode(),
                        request.legalBasis(),
                        request.reason()),
                Actor.of(caller));
        return created(next);
    }

    private static Response created(UnitVersion v) {
        return Response.created(URI.create("/api/units/" + v.code + "?asOf=" + v.validFrom))
                .entity(UnitDto.of(v))
                .build();
    }
}
