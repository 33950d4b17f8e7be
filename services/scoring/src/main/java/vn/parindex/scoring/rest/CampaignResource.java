package vn.parindex.scoring.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.Examples;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.service.CampaignMembers;
import vn.parindex.scoring.service.CampaignService;
import vn.parindex.scoring.service.CampaignViews;
import vn.parindex.scoring.store.Campaign;

/** Campaigns and their stages. */
@Path("/api/campaigns")
@Tag(name = "Campaigns", description = "Yearly scoring campaigns: criteria set × peer group, from OPEN to PUBLISHED")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final CampaignMembers members;
    private final CampaignViews views;

    public CampaignResource(CampaignService campaigns, CampaignMembers members, CampaignViews views) {
        this.campaigns = campaigns;
        this.members = members;
        this.views = views;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a campaign; the published criteria set, the group's members and their lineage since"
                    + " the previous campaign are snapshotted",
            description = "All reads of other services happen before anything is stored: when one fails the answer"
                    + " is 503 and nothing exists. The same request sent again (a retry after a timeout) answers 200"
                    + " with the campaign it created; a different request with a used code answers 409.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CampaignDto.Response.class)))
    @APIResponse(responseCode = "200", description = "An identical request created it before: the campaign")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED, UNKNOWN_CRITERIA_SET, UNKNOWN_GROUP, MIXED_LEVELS,"
                    + " CRITERIA_SET_LEVEL_MISMATCH, CAMPAIGN_YEAR_MISMATCH")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_EXISTS, CRITERIA_SET_NOT_PUBLISHED")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE, CATALOGUE_UNAVAILABLE (nothing stored)")
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "Yên Bái districts 2021",
                                                            value = Examples.CAMPAIGN)))
                    @Valid
                    @NotNull
                    CampaignDto.Create body,
            @Context SecurityContext security) {
        CampaignService.Created result = campaigns.createCampaign(body, Actor.of(security));
        Campaign c = result.campaign();
        return (result.created()
                        ? Response.created(URI.create("/api/campaigns/" + c.code))
                        : Response.ok().header(HttpHeaders.CONTENT_LOCATION, "/api/campaigns/" + c.code))
                .entity(view(c, true))
                .build();
    }

    @Authenticated
    @GET
    @Operation(summary = "Campaigns (newest year first)")
    public Page<CampaignDto.Response> list(@RestQuery String year, @RestQuery String page, @RestQuery String size) {
        Integer y = year == null ? null : Params.intOrDefault("year", year, 0);
        PageRequest request = PageRequest.parse(page, size);
        List<Campaign> all = campaigns.campaigns(y);
        List<CampaignDto.Response> items = all.stream()
                .skip(request.offset())
                .limit(request.size())
                .map(c -> view(c, false))
                .toList();
        return Page.of(items, request, all.size());
    }

    @Authenticated
    @GET
    @Path("/{code}")
    @Operation(summary = "A campaign with its members and their self-assessment status")
    @APIResponse(responseCode = "200", description = "A campaign with its members and their self-assessment status")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public CampaignDto.Response get(@RestPath String code) {
        return view(campaigns.campaign(code), true);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{code}/close-self-assessment")
    @Operation(summary = "OPEN → SELF_ASSESSMENT_CLOSED: units can no longer edit or withdraw")
    @APIResponse(
            responseCode = "200",
            description = "OPEN → SELF_ASSESSMENT_CLOSED: units can no longer edit or withdraw")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, CAMPAIGN_PUBLISHED")
    public CampaignDto.Response closeSelfAssessment(@RestPath String code) {
        return view(campaigns.transition(code, CampaignStatus.OPEN, CampaignStatus.SELF_ASSESSMENT_CLOSED), false);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{code}/start-appraisal")
    @Operation(summary = "SELF_ASSESSMENT_CLOSED → APPRAISAL")
    @APIResponse(responseCode = "200", description = "SELF_ASSESSMENT_CLOSED → APPRAISAL")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, CAMPAIGN_PUBLISHED")
    public CampaignDto.Response startAppraisal(@RestPath String code) {
        return view(campaigns.transition(code, CampaignStatus.SELF_ASSESSMENT_CLOSED, CampaignStatus.APPRAISAL), false);
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}/exclusions/{unitCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Leave a unit out of the ranking with a reason (shown in results and the ranking)",
            description = "A unit with missing scores blocks approval and publication unless it is excluded.")
    @APIResponse(responseCode = "200", description = "The member with its exclusion")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED")
    public CampaignDto.Member exclude(
            @RestPath String code,
            @RestPath String unitCode,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "exclusion", value = Examples.EXCLUSION)))
                    @Valid
                    @NotNull
                    CampaignDto.Exclude body,
            @Context SecurityContext security) {
        return member(members.exclude(code, unitCode, body.reason().strip(), Actor.of(security)));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{code}/exclusions/{unitCode}")
    @Operation(summary = "Take an excluded unit back into the ranking")
    @APIResponse(responseCode = "200", description = "The member, no longer excluded")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED")
    public CampaignDto.Member include(
            @RestPath String code, @RestPath String unitCode, @Context SecurityContext security) {
        return member(members.exclude(code, unitCode, null, Actor.of(security)));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}/appraisers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assign the campaign's appraisal council (user names or token subjects; replaces the list)",
            description = "A user with the role appraiser appraises a campaign when it sits on the campaign's"
                    + " council or when its token's campaigns claim names the campaign (YB-* for a prefix).")
    @APIResponse(responseCode = "200", description = "The council")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public CampaignDto.CouncilView assignCouncil(
            @RestPath String code,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "council", value = Examples.COUNCIL)))
                    @Valid
                    @NotNull
                    CampaignDto.Council body,
            @Context SecurityContext security) {
        return new CampaignDto.CouncilView(code, members.assignCouncil(code, body.appraisers(), Actor.of(security)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER})
    @GET
    @Path("/{code}/appraisers")
    @Operation(summary = "The campaign's appraisal council")
    @APIResponse(responseCode = "200", description = "The council")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public CampaignDto.CouncilView council(@RestPath String code) {
        campaigns.campaign(code);
        return new CampaignDto.CouncilView(code, members.council(code));
    }

    private CampaignDto.Response view(Campaign c, boolean withMembers) {
        return views.of(c, withMembers);
    }

    private static CampaignDto.Member member(CampaignService.Member m) {
        return CampaignViews.member(m);
    }
}
