package vn.parindex.dossier.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Params;
import vn.parindex.dossier.domain.Indicator;
import vn.parindex.dossier.domain.ServiceIndexCalculator.UnitResult;
import vn.parindex.dossier.domain.ServiceIndexDefinition;
import vn.parindex.dossier.service.ServiceIndexService;

/** The Decision 766 service index: a unit's or a province's month, the definition, drill-down and weekly feed. */
@Path("/api/dossier-stats/service-index")
@Tag(
        name = "Service index",
        description = "Decision 766/QĐ-TTg service index from dossiers, ratings, feedback, payments")
public class ServiceIndexResource {

    /** A province's units for a month, ranked by the month's score. */
    public record ProvinceIndex(String provinceCode, YearMonth month, String definition, List<UnitResult> units) {}

    private final ServiceIndexService index;

    public ServiceIndexResource(ServiceIndexService index) {
        this.index = index;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A unit's index for a month and year to date, ranked among its peers (?unit=); or every unit of"
                    + " a province ranked (?province=)")
    @APIResponse(
            responseCode = "200",
            description = "ServiceIndexService.UnitIndex for ?unit=, ProvinceIndex for ?province=",
            content = @Content(schema = @Schema(anyOf = {ServiceIndexService.UnitIndex.class, ProvinceIndex.class})))
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER (unit or province, month)")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Object index(
            @RestQuery @Parameter(description = "A unit's code (or give province)", example = "04252") String unit,
            @RestQuery @Parameter(description = "A province's code, e.g. 15 (or give unit)") String province,
            @RestQuery @Parameter(required = true, description = "The month, yyyy-MM", example = "2025-07")
                    String month) {
        YearMonth m = month(month);
        boolean byUnit = unit != null && !unit.isBlank();
        boolean byProvince = province != null && !province.isBlank();
        if (byUnit == byProvince) {
            throw ApiException.invalidParameter("unit", "give either unit or province", unit);
        }
        if (byUnit) {
            index.requireKnownUnit("unit", unit);
            return index.unitIndex(unit, m);
        }
        List<String> units = index.unitsOfProvince("province", province, m.atEndOfMonth());
        return new ProvinceIndex(
                province, m, index.definition().id(), index.ranked(units, m.atDay(1), m.atEndOfMonth()));
    }

    @GET
    @Path("/definition")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The index definition: groups, indicators with weights, formulas and legal basis, bands")
    @APIResponse(responseCode = "200", description = "The definition")
    public ServiceIndexDefinition definition() {
        return index.definition();
    }

    @GET
    @Path("/items")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary = "The records behind an indicator's numerator or denominator for a unit and month, paged;"
                    + " format=csv for all of them as CSV")
    @APIResponse(responseCode = "200", description = "ServiceIndexService.ItemPage, or CSV")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Response items(
            @RestQuery @Parameter(required = true, example = "04252") String unit,
            @RestQuery @Parameter(required = true, example = "2025-07") String month,
            @RestQuery @Parameter(required = true, example = "SATISFACTION_RATE") String indicator,
            @RestQuery @Parameter(required = true, schema = @Schema(enumeration = {"numerator", "denominator"}))
                    String part,
            @RestQuery @Parameter(description = "From 0; default 0") String page,
            @RestQuery @Parameter(description = "1 to 1000; default 100") String size,
            @RestQuery @Parameter(schema = @Schema(enumeration = {"json", "csv"})) String format) {
        YearMonth m = month(month);
        if (indicator == null || indicator.isBlank()) {
            throw ApiException.invalidParameter("indicator", "is required", indicator);
        }
        Indicator ind = Params.enumOrNull("indicator", indicator, Indicator.class);
        boolean numerator;
        if ("numerator".equals(part)) {
            numerator = true;
        } else if ("denominator".equals(part)) {
            numerator = false;
        } else {
            throw ApiException.invalidParameter("part", "must be numerator or denominator", part);
        }
        int p = Params.intOrDefault("page", page, 0);
        int s = Params.intOrDefault("size", size, 100);
        if (p < 0 || p > 1_000_000) {
            throw ApiException.invalidParameter("page", "must be 0 to 1000000", page);
        }
        if (s < 1 || s > 1_000) {
            throw ApiException.invalidParameter("size", "must be 1 to 1000", size);
        }
        index.requireKnownUnit("unit", unit);
        if ("csv".equalsIgnoreCase(format)) {
            StreamingOutput out = os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                w.write(ServiceIndexFeed.itemsCsvHeader());
                index.allItems(unit, m.atDay(1), m.atEndOfMonth(), ind, numerator, i -> {
                    try {
                        w.write(ServiceIndexFeed.itemCsv(i));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                w.flush();
            };
            return Response.ok(out, "text/csv; charset=UTF-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + unit + "-" + m + "-" + ind + "-" + part + ".csv\"")
                    .build();
        }
        return Response.ok(
                        index.items(unit, m.atDay(1), m.atEndOfMonth(), ind, numerator, p, s),
                        MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/feed")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(
            summary = "A province's weekly feed: every unit's indicator values for the ISO week, then the week's"
                    + " payments, digitisation, ratings and feedback; stable URL, ETag (304 on If-None-Match)")
    @APIResponse(responseCode = "200", description = "CSV (default) or NDJSON")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Response feed(
            @RestQuery @Parameter(required = true, example = "15") String province,
            @RestQuery @Parameter(required = true, description = "ISO week, yyyy-Www", example = "2025-W28")
                    String week,
            @RestQuery @Parameter(schema = @Schema(enumeration = {"csv", "ndjson"})) String format,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LocalDate monday = week(week);
        boolean csv = format == null || format.isBlank() || "csv".equalsIgnoreCase(format);
        if (!csv && !"ndjson".equalsIgnoreCase(format)) {
            throw ApiException.invalidParameter("format", "must be csv or ndjson", format);
        }
        if (province == null || province.isBlank()) {
            throw ApiException.invalidParameter("province", "is required", province);
        }
        LocalDate sunday = monday.plusDays(6);
        List<String> units = index.unitsOfProvince("province", province, sunday);
        byte[] body = ServiceIndexFeed.write(
                // The week as the feed names it: canonical (2025-W28), whatever spacing or case it was asked in,
                // so that the same week is the same body and ETag.
                String.format(
                        Locale.ROOT,
                        "%d-W%02d",
                        monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                index.ranked(units, monday, sunday),
                index.facts(units, monday, sunday),
                csv);
        EntityTag tag = new EntityTag(ServiceIndexFeed.etag(body));
        if (ifNoneMatch != null
                && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains("\"" + tag.getValue() + "\""))) {
            return Response.notModified(tag).build();
        }
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidParameter("month", "is required (yyyy-MM)", raw);
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw ApiException.invalidParameter("month", "must be between 2000 and 2100", raw);
            }
            return m;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter("month", "must be a month, yyyy-MM", raw);
        }
    }

    static LocalDate week(String raw) {
        if (raw == null || !raw.strip().matches("\\d{4}-[Ww]\\d{2}")) {
            throw ApiException.invalidParameter("week", "must be an ISO week, yyyy-Www (2025-W28)", raw);
        }
        int year = Integer.parseInt(raw.strip().substring(0, 4));
        int w = Integer.parseInt(raw.strip().substring(6));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (year < 2000
                || year > 2100
                || w < 1
                || w > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw ApiException.invalidParameter("week", "is not a week of " + year, raw);
        }
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
