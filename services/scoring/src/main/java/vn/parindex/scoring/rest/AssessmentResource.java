package vn.parindex.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Bodies;
import vn.parindex.common.api.RevisionTag;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.Examples;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.service.AssessmentService;
import vn.parindex.scoring.service.AssessmentViews;
import vn.parindex.scoring.service.Caller;
import vn.parindex.scoring.service.CampaignService;
import vn.parindex.scoring.store.ScoreStore;

/** One unit's assessment in a campaign: self scores with evidence, submission, appraisal, explanation, history. */
@Path("/api/campaigns/{code}/assessments/{unitCode}")
@Tag(name = "Assessments", description = "Self-assessment, appraisal rounds and explanations of one unit")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService assessments;
    private final Caller caller;
    private final CampaignService campaigns;
    private final ScoreStore store;
    private final AssessmentViews views;
    private final Validator validator;

    public AssessmentResource(
            AssessmentService assessments,
            Caller caller,
            CampaignService campaigns,
            ScoreStore store,
            AssessmentViews views,
            Validator validator) {
        this.assessments = assessments;
        this.caller = caller;
        this.campaigns = campaigns;
        this.store = store;
        this.views = views;
        this.validator = validator;
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER, Roles.UNIT_OFFICER})
    @GET
    @Operation(
            summary = "The unit's scores at every stage (self, evidence, appraisal rounds, survey, auto)",
            description = "The ETag names the revision of the unit's scores: send it as If-Match with a write to"
                    + " have the write refused (412 ASSESSMENT_CHANGED) when someone else changed the scores since.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            headers =
                    @Header(
                            name = "ETag",
                            description = "\"CAMPAIGN/UNIT-rN\": the revision of the scores",
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    public RestResponse<AssessmentDto.AssessmentView> get(@RestPath String code, @RestPath String unitCode) {
        caller.requireReader(unitCode);
        return view(code, unitCode);
    }

    /** The assessment as stored now, with the ETag of its revision. */
    private RestResponse<AssessmentDto.AssessmentView> view(String code, String unitCode) {
        CampaignService.Member m = member(code, unitCode);
        var set = campaigns.criteriaSet(campaigns.campaign(code));
        AssessmentDto.AssessmentView view = new AssessmentDto.AssessmentView(
                code,
                unitCode,
                m.unitName(),
                m.selfStatus(),
                m.revision(),
                views.scores(set, m.unitType(), store.rows(code, unitCode)));
        return RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.ETAG, RevisionTag.of(code + "/" + unitCode, m.revision()))
                .build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.UNIT_OFFICER})
    @PUT
    @Path("/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or replace self scores (all checked by the criterion rules, all or nothing)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(
            responseCode = "400",
            description = "SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP, INVALID_SCORE, VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN, CRITERION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SELF_ASSESSMENT_LOCKED, ASSESSMENT_SUBMITTED, CAMPAIGN_PUBLISHED")
    @APIResponse(responseCode = "412", description = "ASSESSMENT_CHANGED: If-Match named an older revision")
    public RestResponse<AssessmentDto.AssessmentView> saveSelfScores(
            @RestPath String code,
            @RestPath String unitCode,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "a level, a ratio and points",
                                                            value = Examples.SELF_SCORES)))
                    @NotNull
                    AssessmentDto.SelfScores body,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "The ETag of the assessment as read; a stale one answers 412")
                    String ifMatch,
            @Context SecurityContext security) {
        caller.requireUnit(unitCode);
        Bodies.valid(validator, body);
        assessments.saveSelfScores(code, unitCode, body.scores(), RevisionTag.revision(ifMatch), Actor.of(security));
        return view(code, unitCode);
    }

    @RolesAllowed({Roles.ADMIN, Roles.UNIT_OFFICER})
    @POST
    @Path("/submit")
    @Operation(summary = "Submit the self-assessment (locks it for the unit until withdrawn)")
    @APIResponse(
            responseCode = "200",
            description = "Submit the self-assessment (locks it for the unit until withdrawn)")
    @APIResponse(responseCode = "409", description = "SELF_ASSESSMENT_LOCKED, CAMPAIGN_PUBLISHED")
    public RestResponse<AssessmentDto.AssessmentView> submit(
            @RestPath String code,
            @RestPath String unitCode,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "The ETag of the assessment as read; a stale one answers 412")
                    String ifMatch,
            @Context SecurityContext security) {
        caller.requireUnit(unitCode);
        assessments.submit(code, unitCode, true, RevisionTag.revision(ifMatch), Actor.of(security));
        return view(code, unitCode);
    }

    @RolesAllowed({Roles.ADMIN, Roles.UNIT_OFFICER})
    @POST
    @Path("/withdraw")
    @Operation(summary = "Withdraw a submission to edit again (only before the deadline)")
    @APIResponse(responseCode = "200", description = "Withdraw a submission to edit again (only before the deadline)")
    @APIResponse(responseCode = "409", description = "SELF_ASSESSMENT_LOCKED, CAMPAIGN_PUBLISHED")
    public RestResponse<AssessmentDto.AssessmentView> withdraw(
            @RestPath String code,
            @RestPath String unitCode,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "The ETag of the assessment as read; a stale one answers 412")
                    String ifMatch,
            @Context SecurityContext security) {
        caller.requireUnit(unitCode);
        assessments.submit(code, unitCode, false, RevisionTag.revision(ifMatch), Actor.of(security));
        return view(code, unitCode);
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER})
    @PUT
    @Path("/appraisal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appraisal round 1 or 2: points with a reason per criterion")
    @APIResponse(responseCode = "200", description = "Appraisal round 1 or 2: points with a reason per criterion")
    @APIResponse(responseCode = "400", description = "SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP, VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN, CRITERION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (not in APPRAISAL), CAMPAIGN_PUBLISHED")
    public RestResponse<AssessmentDto.AssessmentView> appraise(
            @RestPath String code,
            @RestPath String unitCode,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "round 1 with a corrected ratio",
                                                            value = Examples.APPRAISAL)))
                    @NotNull
                    AssessmentDto.Appraisal body,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "The ETag of the assessment as read; a stale one answers 412")
                    String ifMatch,
            @Context SecurityContext security) {
        caller.requireAppraiser(code);
        Bodies.valid(validator, body);
        assessments.appraise(code, unitCode, body, RevisionTag.revision(ifMatch), Actor.of(security));
        return view(code, unitCode);
    }

    @RolesAllowed({Roles.ADMIN, Roles.UNIT_OFFICER})
    @PUT
    @Path("/explanations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The unit's explanation of a criterion after appraisal round 1")
    @APIResponse(responseCode = "200", description = "The unit's explanation of a criterion after appraisal round 1")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN, CRITERION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, CAMPAIGN_PUBLISHED")
    public RestResponse<AssessmentDto.AssessmentView> explain(
            @RestPath String code,
            @RestPath String unitCode,
            @NotNull AssessmentDto.Explanation body,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "The ETag of the assessment as read; a stale one answers 412")
                    String ifMatch,
            @Context SecurityContext security) {
        caller.requireUnit(unitCode);
        Bodies.valid(validator, body);
        assessments.explain(code, unitCode, body, RevisionTag.revision(ifMatch), Actor.of(security));
        return view(code, unitCode);
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER, Roles.UNIT_OFFICER})
    @GET
    @Path("/history")
    @Operation(summary = "Every score change of the unit: who, when, before, after, reason")
    @APIResponse(responseCode = "200", description = "Every score change of the unit: who, when, before, after, reason")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    public List<AssessmentDto.HistoryView> history(@RestPath String code, @RestPath String unitCode) {
        caller.requireReader(unitCode);
        member(code, unitCode);
        return store.history(code, unitCode).stream().map(views::history).toList();
    }

    private CampaignService.Member member(String code, String unitCode) {
        campaigns.campaign(code);
        return campaigns.requireMember(code, unitCode);
    }
}
