package vn.parindex.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.api.UncertaintyDto;
import vn.parindex.scoring.service.UncertaintyService;

/** How sure the ranks of a campaign's results are. */
@Path("/api/campaigns/{code}/rank-uncertainty")
@Tag(name = "Results")
public class UncertaintyResource {

    private final UncertaintyService uncertainty;

    public UncertaintyResource(UncertaintyService uncertainty) {
        this.uncertainty = uncertainty;
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rank intervals of the campaign's results: median rank and 90 % interval (5th–95th percentile)"
                    + " per ranked unit under survey sampling error and weight perturbation, by seeded Monte Carlo",
            description = "The same seed, runs and inputs give the same body. Survey errors come from the sample"
                    + " sizes (or stated standard errors) imported with the survey scores; surveyStandardError"
                    + " stands in for results without one. Published rankings give the same block with"
                    + " GET /api/rankings/{code}?uncertainty=true.")
    @APIResponse(responseCode = "200", description = "The intervals, with the method, seed, runs and inputs")
    @APIResponse(
            responseCode = "400",
            description = "INVALID_PARAMETER: runs (1,000–100,000, and runs × ranked units ≤ 10,000,000), seed,"
                    + " weightPerturbation (0 to below 1), surveyStandardError (0–50)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not an administrator or appraiser")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "SURVEY_SAMPLE_MISSING (survey results without a sample size, named in errors),"
                    + " RESULTS_WITHOUT_PARTS (ranked units with only a total, named in errors), NOTHING_RANKED")
    public UncertaintyDto.Report get(
            @RestPath String code,
            @RestQuery @Parameter(description = "Monte Carlo runs, default 1000") String runs,
            @RestQuery @Parameter(description = "Seed of the generator, default 1149") String seed,
            @RestQuery @Parameter(description = "Half-width of the weight multiplier, default 0.20 (±20 %)")
                    String weightPerturbation,
            @RestQuery
                    @Parameter(
                            description = "Standard error (percentage points of the maximum) for survey results"
                                    + " without a sample size")
                    String surveyStandardError) {
        return uncertainty.ofResults(
                code, UncertaintyService.request(runs, seed, weightPerturbation, surveyStandardError));
    }
}
