package vn.parindex.scoring.campaign;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;

/** Campaigns and their stages. */
@Path("/api/campaigns")
@Tag(name = "Campaigns", description = "Yearly scoring campaigns: criteria set × peer group, from OPEN to PUBLISHED")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;

    public CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign; the published criteria set and the group's members are snapshotted")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, CRITERIA_SET_NOT_FOUND, GROUP_NOT_FOUND")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND (previousCampaignCode)")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_EXISTS, CRITERIA_SET_NOT_PUBLISHED")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE, CATALOGUE_UNAVAILABLE")
    public Response create(@Valid @NotNull CampaignDto.Create body, @Context SecurityContext security) {
        Campaign c = campaigns.createCampaign(body, Actor.of(security));
        return Response.created(URI.create("/api/campaigns/" + c.code))
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
    @POST
    @Path("/{code}/approve")
    @Operation(summary = "APPRAISAL → APPROVED: results are final and ready to publish")
    @APIResponse(responseCode = "200", description = "APPRAISAL → APPROVED: results are final and ready to publish")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, CAMPAIGN_PUBLISHED")
    public CampaignDto.Response approve(@RestPath String code) {
        return view(campaigns.transition(code, CampaignStatus.APPRAISAL, CampaignStatus.APPROVED), false);
    }

    private CampaignDto.Response view(Campaign c, boolean withMembers) {
        // Listings and stage changes need the count only; one campaign's view lists its members.
        List<CampaignService.Member> members = withMembers ? campaigns.members(c.code) : null;
        return new CampaignDto.Response(
                c.code,
                c.name,
                c.year,
                c.criteriaSetCode,
                c.criteriaSetEtag,
                c.unitGroupCode,
                c.previousCampaignCode,
                c.comparisonRule,
                c.appraisalRequired,
                c.selfAssessmentDeadline,
                c.status,
                CampaignService.selfAssessmentOpen(c),
                withMembers ? members.size() : campaigns.memberCount(c.code),
                withMembers
                        ? members.stream()
                                .map(m -> new CampaignDto.Member(
                                        m.unitCode(), m.unitName(), m.unitType(), m.selfStatus()))
                                .toList()
                        : null,
                c.createdAt);
    }
}
