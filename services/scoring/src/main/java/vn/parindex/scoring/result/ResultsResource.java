package vn.parindex.scoring.result;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.campaign.Caller;

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
    @Operation(summary = "One item per unit, best first; format=csv|xlsx (or Accept) exports the same table")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public Response list(
            @RestPath String code, @RestQuery String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ResultsService.CampaignResults r = results.rankCampaign(code);
        return export(
                        code + "-results",
                        r.items().stream().map(RankingDocument.Item::of).toList(),
                        format,
                        accept)
                .orElseGet(() -> Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    @Authenticated
    @GET
    @Path("/{unitCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's result per criterion: max, self, appraised, final, points lost (largest first)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    public ResultsService.UnitDetail unit(@RestPath String code, @RestPath String unitCode) {
        caller.requireReader(unitCode);
        return results.unitDetail(code, unitCode);
    }

    /** CSV or XLSX of result lines when asked for, else empty. */
    public static java.util.Optional<Response> export(
            String name, List<RankingDocument.Item> items, String format, String accept) {
        String f = format != null
                ? format.toLowerCase(java.util.Locale.ROOT)
                : accept != null && accept.contains("text/csv")
                        ? "csv"
                        : accept != null && accept.contains(TableExport.XLSX) ? "xlsx" : "json";
        if (f.equals("json")) {
            return java.util.Optional.empty();
        }
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw ApiException.invalidParameter("format", "must be json, csv or xlsx", format);
        }
        List<String> header = new ArrayList<>(List.of(
                "rank",
                "rankOutOf",
                "unitCode",
                "unitName",
                "totalPoints",
                "indexPercent",
                "band",
                "previousRank",
                "pointsChange",
                "rankChange",
                "comparison"));
        int fieldCount = items.isEmpty() ? 0 : items.getFirst().fields().size();
        for (int i = 0; i < fieldCount; i++) {
            header.add(items.getFirst().fields().get(i).code());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RankingDocument.Item r : items) {
            List<Object> row = new ArrayList<>(List.of());
            row.add(r.rank());
            row.add(r.rankOutOf());
            row.add(r.unitCode());
            row.add(r.unitName());
            row.add(r.totalPoints());
            row.add(r.indexPercent());
            row.add(r.band());
            row.add(r.previousRank());
            row.add(r.pointsChange());
            row.add(r.rankChange());
            row.add(r.comparison());
            r.fields().forEach(fr -> row.add(fr.points()));
            rows.add(row);
        }
        return java.util.Optional.of(
                f.equals("csv")
                        ? Response.ok(TableExport.csv(header, rows), "text/csv; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                                .build()
                        : Response.ok(TableExport.xlsx(name, header, rows), TableExport.XLSX)
                                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                                .build());
    }
}
