package vn.parindex.scoring.publication;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.campaign.Actor;

/** Publication by decision and corrections (new versions). */
@Path("/api/campaigns/{code}")
@Tag(name = "Rankings", description = "Published, immutable rankings and their correction versions")
public class PublicationResource {

    private final PublicationService publications;

    public PublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the approved results as version 1 (the campaign then refuses edits)")
    @APIResponse(responseCode = "201", description = "Published; Location is the public ranking")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED, INVALID_TRANSITION (not approved)")
    public Response publish(
            @RestPath String code, @Valid @NotNull PublicationDto.Publish body, @Context SecurityContext security) {
        PublicationStore.Version v = publications.publishRanking(code, body, Actor.of(security));
        return created(v);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct final points of a published campaign with a reason: publishes the next version")
    @APIResponse(responseCode = "201", description = "The new version")
    @APIResponse(responseCode = "400", description = "SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP, VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (not published)")
    public Response correct(
            @RestPath String code, @Valid @NotNull PublicationDto.Correction body, @Context SecurityContext security) {
        return created(publications.publishCorrection(code, body, Actor.of(security)));
    }

    private static Response created(PublicationStore.Version v) {
        return Response.created(URI.create("/api/rankings/" + v.campaignCode() + "?version=" + v.version()))
                .entity(new PublicationDto.VersionSummary(
                        v.version(),
                        v.decisionNumber(),
                        v.decisionDate(),
                        v.reason(),
                        v.publishedAt(),
                        v.publishedBy()))
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, v.etag())
                .build();
    }
}
