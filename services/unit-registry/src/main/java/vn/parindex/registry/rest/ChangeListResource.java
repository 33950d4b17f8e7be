package vn.parindex.registry.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.registry.service.ChangeListService;

/** The classification change list, as JSON pages or as one CSV file. */
@Path("/api/unit-changes")
@Tag(name = "Unit changes")
public class ChangeListResource {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final int CSV_LIMIT = 1_000_000;

    private final ChangeListService changes;

    public ChangeListResource(ChangeListService changes) {
        this.changes = changes;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary = "Changes of unit codes between two dates (old code → new code, date, kind)",
            description = "One row per lineage link, as JSON pages, or the whole list as CSV with format=csv (or"
                    + " Accept: text/csv). Links derived by the registry (a dissolved district → the new communes of"
                    + " its communes) only with includeDerived=true; the dissolution itself is always listed.")
    @APIResponse(responseCode = "200", description = "A page of changes, or CSV")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    public Response list(
            @RestQuery @Parameter(example = "2025-07-01") String from,
            @RestQuery @Parameter(example = "2025-07-01") String to,
            @RestQuery @Parameter(description = "Only changes where this code is old or new") String code,
            @RestQuery String includeDerived,
            @RestQuery @Parameter(description = "json (default) or csv") String format,
            @RestQuery String page,
            @RestQuery String size,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        if (!csv) {
            return Response.ok(query(from, to, code, includeDerived, PageRequest.parse(page, size)))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        Page<ChangeListService.ChangeRow> all = query(from, to, code, includeDerived, new PageRequest(0, CSV_LIMIT));
        StringBuilder sb = new StringBuilder(
                "effective_date,kind,old_code,old_name,old_level,new_code,new_name,new_level,part,derived,legal_basis,event_id\n");
        for (ChangeListService.ChangeRow r : all.items()) {
            sb.append(r.effectiveDate())
                    .append(',')
                    .append(r.kind())
                    .append(',')
                    .append(cell(r.oldCode()))
                    .append(',')
                    .append(cell(r.oldName()))
                    .append(',')
                    .append(cell(r.oldLevel()))
                    .append(',')
                    .append(cell(r.newCode()))
                    .append(',')
                    .append(cell(r.newName()))
                    .append(',')
                    .append(cell(r.newLevel()))
                    .append(',')
                    .append(cell(r.part()))
                    .append(',')
                    .append(r.derived())
                    .append(',')
                    .append(cell(r.legalBasis()))
                    .append(',')
                    .append(r.eventId())
                    .append('\n');
        }
        return Response.ok(sb.toString())
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"unit-changes.csv\"")
                .build();
    }

    private Page<ChangeListService.ChangeRow> query(
            String from, String to, String code, String includeDerived, PageRequest page) {
        LocalDate start = Params.dateOrDefault("from", from, FIRST);
        LocalDate end = Params.dateOrDefault("to", to, LAST);
        if (end.isBefore(start)) {
            throw vn.parindex.common.api.ApiException.invalidParameter("to", "must not be before from", to);
        }
        return changes.listChanges(
                start,
                end,
                code == null || code.isBlank() ? null : code.strip(),
                Params.booleanOrDefault("includeDerived", includeDerived, false),
                page);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
