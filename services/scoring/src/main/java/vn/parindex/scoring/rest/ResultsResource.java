package vn.parindex.scoring.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.service.Caller;
import vn.parindex.scoring.service.ResultTables;
import vn.parindex.scoring.service.ResultsService;
import vn.parindex.scoring.service.TableExport;

/** A campaign's live results (recomputed after every score change) and one unit's breakdown. */
@Path("/api/campaigns/{code}/results")
@Tag(name = "Results", description = "Aggregation, ranking and year-over-year change of a campaign")
public class ResultsResource {

    private final ResultsService results;
    private final Caller caller;

    public ResultsResource(ResultsService results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN, Roles.APPRAISER})
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", TableExport.XLSX})
    @Operation(
            summary = "One item per unit, best first, with every part and field sub-total; format=csv|xlsx (or"
                    + " Accept) exports the same table, whose part columns add up to totalPoints")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResultsService.CampaignResults.class)))
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER (format)")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public Response list(
            @RestPath String code,
            @RestQuery
                    @Parameter(
                            description = "json (default), csv or xlsx; or say it in Accept",
                            schema = @Schema(enumeration = {"json", "csv", "xlsx"}))
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ResultTables.format(format, accept);
        ResultsService.CampaignResults r = results.rankCampaign(code);
        return ResultTables.ranking(
                        code + "-results",
                        r.items().stream().map(RankingDocument.Item::of).toList(),
                        format,
                        accept)
                .orElseGet(() -> Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    @Authenticated
    @GET
    @Path("/{unitCode}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", TableExport.XLSX})
    @Operation(
            summary = "A unit's result per criterion: max, self, appraised, final, the ratio behind it (numerator,"
                    + " denominator, value), points lost (largest first); format=csv|xlsx for the criteria table")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResultsService.UnitDetail.class)))
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    public Response unit(
            @RestPath String code,
            @RestPath String unitCode,
            @RestQuery
                    @Parameter(
                            description = "json (default), csv or xlsx; or say it in Accept",
                            schema = @Schema(enumeration = {"json", "csv", "xlsx"}))
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        caller.requireReader(unitCode);
        String f = ResultTables.format(format, accept);
        ResultsService.UnitDetail detail = results.unitDetail(code, unitCode);
        if (f.equals("json")) {
            return Response.ok(detail, MediaType.APPLICATION_JSON).build();
        }
        List<String> header = List.of(
                "code",
                "name",
                "maxPoints",
                "applicable",
                "selfPoints",
                "appraisedPoints",
                "finalPoints",
                "pointsLost",
                "numerator",
                "denominator",
                "value",
                "basis");
        List<List<Object>> rows = new ArrayList<>();
        for (ResultsService.CriterionDetail d : detail.criteria()) {
            List<Object> row = new ArrayList<>();
            row.add(d.code());
            row.add(d.name());
            row.add(d.maxPoints());
            row.add(Boolean.toString(d.applicable()));
            row.add(d.selfPoints());
            row.add(d.appraisedPoints());
            row.add(d.finalPoints());
            row.add(d.pointsLost());
            row.add(d.numerator());
            row.add(d.denominator());
            row.add(d.valueDisplay());
            row.add(d.basis());
            rows.add(row);
        }
        return ResultTables.file(code + "-" + unitCode, f, header, rows);
    }
}
