package vn.parindex.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Bodies;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.api.ContestDto;
import vn.parindex.scoring.service.Caller;
import vn.parindex.scoring.service.ContestService;

/** The contest window of a preliminary ranking: a unit contests a criterion, the appraisal council decides. */
@Path("/api/campaigns/{code}/contests")
@Tag(name = "Contests", description = "Contests of a preliminary ranking before the final one")
public class ContestResource {

    private final ContestService contests;
    private final Caller caller;
    private final Validator validator;

    public ContestResource(ContestService contests, Caller caller, Validator validator) {
        this.contests = contests;
        this.caller = caller;
        this.validator = validator;
    }

    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Contest one criterion of the unit's preliminary result (the unit's own officer)",
            description = "Taken while the campaign is PRELIMINARY and before its contestDeadline. The criterion's"
                    + " final points at filing are kept as pointsBefore; the filing is in the unit's history.")
    @APIResponse(
            responseCode = "201",
            description = "Filed; Location is the contest",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContestDto.View.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (the field named)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "The caller is not an officer of this unit")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN, CRITERION_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "CONTEST_WINDOW_CLOSED (not PRELIMINARY, or the deadline has passed)")
    public Response file(
            @RestPath String code, @Valid @NotNull ContestDto.File body, @Context SecurityContext security) {
        caller.requireUnit(body.unitCode());
        ContestDto.View v = contests.file(code, body, Actor.of(security));
        return Response.created(URI.create("/api/campaigns/" + code + "/contests/" + v.id()))
                .entity(v)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @RolesAllowed({Roles.UNIT_OFFICER, Roles.APPRAISER, Roles.ADMIN})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The campaign's contests, oldest first (a unit officer sees its own units' contests)")
    @APIResponse(responseCode = "200", description = "The contests")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public List<ContestDto.View> list(@RestPath String code) {
        return contests.list(code).stream()
                .filter(c -> caller.mayRead(c.unitCode()))
                .toList();
    }

    @RolesAllowed({Roles.APPRAISER, Roles.ADMIN})
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The appraisal council decides a contest: ACCEPTED with the corrected points, or REJECTED;"
                    + " always with a reason",
            description = "Accepting corrects the criterion's final points (checked against its maximum and step,"
                    + " recorded as a CORRECTION) and the results are recomputed. Only before the contest deadline:"
                    + " an undecided contest lapses at it.")
    @APIResponse(
            responseCode = "200",
            description = "The decided contest",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContestDto.View.class)))
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED, SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP (field correctedPoints)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not on the campaign's appraisal council")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, CONTEST_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "CONTEST_DECIDED (decided or lapsed), INVALID_TRANSITION (campaign not PRELIMINARY)")
    public ContestDto.View decide(
            @RestPath String code,
            @RestPath long id,
            @NotNull ContestDto.Decision body,
            @Context SecurityContext security) {
        // Who may decide first: a caller off the council learns nothing from the body's errors.
        caller.requireAppraiser(code);
        Bodies.valid(validator, body);
        return contests.decide(code, id, body, Actor.of(security));
    }
}
