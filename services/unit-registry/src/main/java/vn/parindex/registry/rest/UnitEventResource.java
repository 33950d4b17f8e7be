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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Roles;
import vn.parindex.registry.service.UnitEventService;

/** Merges, splits and dissolutions of units. */
@Path("/api/unit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit changes", description = "Dated changes of the administrative structure and their lineage")
public class UnitEventResource {

    private final UnitEventService events;
    private final SecurityIdentity caller;

    public UnitEventResource(UnitEventService events, SecurityIdentity caller) {
        this.events = events;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a merge, split or dissolution",
            description = "Predecessors close the day before effectiveDate, successors open on it, lineage links"
                    + " them. Children of closed units move to the merged unit, or where childMoves says.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UnitEventDto.Response.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_EVENT, INVALID_PARENT")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "VALIDITY_OVERLAP, UNIT_CODE_EXISTS, UNIT_HAS_CHILDREN, PARENT_CYCLE")
    public Response record(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = UnitEventDto.Request.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "merge",
                                                            value =
                                                                    "{\"kind\": \"MERGE\", \"effectiveDate\": \"2026-04-30\", \"legalBasis\": \"Nghị quyết 30/2026/QH16\", \"predecessors\": [{\"code\": \"02680\"}, {\"code\": \"02683\"}], \"successors\": [{\"code\": \"02683\"}]}")))
                    @Valid
                    @NotNull
                    UnitEventDto.Request request) {
        UnitEventService.Recorded recorded = events.recordEvent(new UnitEventService.EventRequest(
                request.kind(),
                request.effectiveDate(),
                request.legalBasis(),
                request.description(),
                request.predecessors().stream()
                        .map(p -> new UnitEventService.Predecessor(p.code(), p.part()))
                        .toList(),
                request.successors() == null
                        ? null
                        : request.successors().stream()
                                .map(s -> new UnitEventService.Successor(
                                        s.code(), s.name(), s.type(), s.level(), s.parentCode()))
                                .toList(),
                request.childMoves(),
                Actor.of(caller)));
        return Response.created(URI.create("/api/unit-events/" + recorded.event().id))
                .entity(UnitEventDto.of(recorded))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One recorded change event with its lineage links")
    @APIResponse(responseCode = "200", description = "One recorded change event with its lineage links")
    @APIResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    public UnitEventDto.Response get(@RestPath String id) {
        long eventId;
        try {
            eventId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("id", "must be a whole number", id);
        }
        return UnitEventDto.of(events.findEvent(eventId));
    }
}
