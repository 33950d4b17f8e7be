package vn.parindex.scoring.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.Examples;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.service.CampaignViews;
import vn.parindex.scoring.service.PublicationService;
import vn.parindex.scoring.service.PublishedRankings;

/** Publication by decision and corrections (new versions). */
@Path("/api/campaigns/{code}")
@Tag(name = "Rankings", description = "Published, immutable rankings and their correction versions")
public class PublicationResource {

    private final PublicationService publications;
    private final CampaignViews views;

    public PublicationResource(PublicationService publications, CampaignViews views) {
        this.publications = publications;
        this.views = views;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "APPRAISAL → APPROVED: results are final and ready to publish",
            description = "Refused (409 RESULTS_INCOMPLETE, the units listed in errors) while a unit has applicable"
                    + " criteria without a score, unless an administrator excluded it with a reason.")
    @APIResponse(responseCode = "200", description = "The approved campaign")
    @APIResponse(
            responseCode = "409",
            description = "INVALID_TRANSITION, CAMPAIGN_PUBLISHED, RESULTS_INCOMPLETE (units with missing scores)")
    public CampaignDto.Response approve(@RestPath String code) {
        return views.of(publications.approve(code), false);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/published-results")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a year's published results (totals, optionally parts, fields and ranks) with their"
                    + " source; the campaign becomes PUBLISHED with them, marked imported",
            description = "For years known only from their published table: the campaign can then be another"
                    + " campaign's previousCampaignCode. Every member needs a line unless excluded; part totals must"
                    + " add up to the total. All lines are checked before anything is stored.")
    @APIResponse(
            responseCode = "201",
            description = "Imported; Location is the public ranking",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublicationDto.VersionSummary.class)))
    @APIResponse(responseCode = "400", description = "INVALID_RESULTS (every bad line in errors), VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED")
    public Response importPublished(
            @RestPath String code,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "Yên Bái districts 2020",
                                                            value = Examples.PUBLISHED_RESULTS)))
                    @Valid
                    @NotNull
                    PublicationDto.PublishedResults body,
            @Context SecurityContext security) {
        return created(publications.importPublished(code, body, Actor.of(security)));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish the final ranking (the campaign then refuses edits): version 1, or the version after"
                    + " the preliminary one",
            description = "From APPROVED, or from PRELIMINARY once every contest is decided or the contest deadline"
                    + " has passed (undecided contests then lapse).")
    @APIResponse(
            responseCode = "201",
            description = "Published; Location is the public ranking",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublicationDto.VersionSummary.class)))
    @APIResponse(
            responseCode = "409",
            description = "CAMPAIGN_PUBLISHED, INVALID_TRANSITION (not approved), RESULTS_INCOMPLETE, CONTESTS_OPEN"
                    + " (undecided contests before the deadline, listed in errors)")
    public Response publish(
            @RestPath String code, @Valid @NotNull PublicationDto.Publish body, @Context SecurityContext security) {
        PublishedRankings.Version v = publications.publishRanking(code, body, Actor.of(security));
        return created(v);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/publish-preliminary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish the approved results as a PRELIMINARY ranking open to contests until contestDeadline",
            description = "APPROVED → PRELIMINARY. Units' officers may then contest criteria until the deadline;"
                    + " POST .../publish publishes the final ranking as the next version (refused with 409"
                    + " CONTESTS_OPEN while a contest is undecided before the deadline). Both versions stay"
                    + " readable: /api/rankings/{code}?stage=preliminary|final or ?version=N.")
    @APIResponse(
            responseCode = "201",
            description = "Published; Location is the preliminary ranking",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublicationDto.VersionSummary.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (contestDeadline not in the future)")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "CAMPAIGN_PUBLISHED, INVALID_TRANSITION (not approved), RESULTS_INCOMPLETE")
    public Response publishPreliminary(
            @RestPath String code, @Valid @NotNull PublicationDto.Preliminary body, @Context SecurityContext security) {
        return created(publications.publishPreliminary(code, body, Actor.of(security)));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct final points of a published campaign with a reason: publishes the next version")
    @APIResponse(
            responseCode = "201",
            description = "The new version",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublicationDto.VersionSummary.class)))
    @APIResponse(responseCode = "400", description = "SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP, VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (not published)")
    public Response correct(
            @RestPath String code, @Valid @NotNull PublicationDto.Correction body, @Context SecurityContext security) {
        return created(publications.publishCorrection(code, body, Actor.of(security)));
    }

    private static Response created(PublishedRankings.Version v) {
        return Response.created(URI.create("/api/rankings/" + v.campaignCode() + "?version=" + v.version()))
                .entity(new PublicationDto.VersionSummary(
                        v.version(),
                        v.decisionNumber(),
                        v.decisionDate(),
                        v.reason(),
                        v.publishedAt(),
                        v.publishedBy(),
                        v.imported(),
                        v.sourceUrl(),
                        v.stage()))
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, v.etag())
                .build();
    }
}
