package vn.parindex.dossier.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Params;
import vn.parindex.dossier.domain.Rates;
import vn.parindex.dossier.domain.ServiceIndexCalculator;
import vn.parindex.dossier.rest.StatsDto.Item;
import vn.parindex.dossier.rest.StatsDto.Metric;
import vn.parindex.dossier.rest.StatsDto.Metrics;
import vn.parindex.dossier.rest.StatsDto.Report;
import vn.parindex.dossier.service.ServiceIndexService;
import vn.parindex.dossier.service.StatsService;

/** Dossier statistics with named formulas, as JSON or CSV, and the metrics scoring reads. */
@Path("/api/dossier-stats")
@Tag(name = "Dossier statistics", description = "Counts and rates, each rate with numerator, denominator and formula")
public class StatsResource {

    private final StatsService stats;
    private final ServiceIndexService serviceIndex;

    public StatsResource(StatsService stats, ServiceIndexService serviceIndex) {
        this.stats = stats;
        this.serviceIndex = serviceIndex;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary =
                    "Counts and rates of a unit (and its descendants) over a period, optionally grouped; format=csv for CSV")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Response report(
            @RestQuery
                    @Parameter(required = true, description = "Unit code (digits, or such as 15.SNV)", example = "15")
                    String unitCode,
            @RestQuery @Parameter(description = "Count the unit's descendants (on to) too; default false")
                    String includeDescendants,
            @RestQuery @Parameter(required = true, description = "First day of the period", example = "2025-07-01")
                    String from,
            @RestQuery
                    @Parameter(
                            required = true,
                            description = "Last day: on or after from, within 5 years",
                            example = "2026-06-30")
                    String to,
            @RestQuery
                    @Parameter(
                            description = "Rows by month, procedure, field, unit or channel (default none: one total)",
                            schema = @Schema(enumeration = {"none", "month", "procedure", "field", "unit", "channel"}))
                    String groupBy,
            @RestQuery
                    @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"}))
                    String format) {
        if (unitCode == null || unitCode.isBlank()) {
            throw ApiException.invalidParameter("unitCode", "is required", unitCode);
        }
        stats.requireKnownUnit("unitCode", unitCode);
        Period period = Period.of(from, to);
        LocalDate start = period.start();
        LocalDate end = period.end();
        StatsService.GroupBy group = groupBy == null || groupBy.isBlank()
                ? StatsService.GroupBy.NONE
                : Params.enumOrNull("groupBy", groupBy, StatsService.GroupBy.class);
        boolean descendants = Params.booleanOrDefault("includeDescendants", includeDescendants, false);
        List<String> codes = stats.unitsCovered(unitCode, descendants, end);
        StatsService.Freshness fresh = stats.freshness();
        StatsService.Report counted = stats.report(codes, start, end, group);
        List<Item> items = counted.rows().stream()
                .map(r -> new Item(r.key(), r.counts(), Rates.of(r.counts())))
                .toList();
        Item total = new Item("total", counted.total(), Rates.of(counted.total()));
        Report report = new Report(
                unitCode,
                descendants,
                codes.size(),
                start,
                end,
                group.name().toLowerCase(java.util.Locale.ROOT),
                fresh.dataAsOf(),
                fresh.dataReadFrom(),
                fresh.replicaLagMs(),
                items,
                total);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(StatsCsv.write(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"dossier-stats-" + unitCode + ".csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/national")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary = "Counts and rates of the whole country over a period, one row per province; format=csv for CSV",
            description = "The registry has no country unit: the country is every province valid on to, each with"
                    + " its descendants on to (as includeDescendants=true). Rows are keyed by province code and"
                    + " the total is their sum; unitCode is null, groupBy is province. A period of whole months"
                    + " that have ended is summed from the monthly roll-up; any other period reads every dossier"
                    + " of the country (seconds at national scale).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Response national(
            @RestQuery @Parameter(required = true, description = "First day of the period", example = "2025-07-01")
                    String from,
            @RestQuery
                    @Parameter(
                            required = true,
                            description = "Last day: on or after from, within 5 years",
                            example = "2026-06-30")
                    String to,
            @RestQuery
                    @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"}))
                    String format) {
        Period period = Period.of(from, to);
        LocalDate start = period.start();
        LocalDate end = period.end();
        Map<String, String> provinceOf = new LinkedHashMap<>();
        stats.provincesWithUnits(end)
                .forEach((province, codes) -> codes.forEach(code -> provinceOf.putIfAbsent(code, province)));
        StatsService.Freshness fresh = stats.freshness();
        StatsService.Report counted = stats.reportByGroup(provinceOf, start, end);
        List<Item> items = counted.rows().stream()
                .map(r -> new Item(r.key(), r.counts(), Rates.of(r.counts())))
                .toList();
        Item total = new Item("total", counted.total(), Rates.of(counted.total()));
        Report report = new Report(
                null,
                true,
                provinceOf.size(),
                start,
                end,
                "province",
                fresh.dataAsOf(),
                fresh.dataReadFrom(),
                fresh.replicaLagMs(),
                items,
                total);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(StatsCsv.write(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"dossier-stats-national.csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/metrics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's year metrics for scoring (names as in the criteria catalogue)")
    @APIResponse(responseCode = "200", description = "The metrics")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE")
    public Metrics metrics(
            @RestQuery
                    @Parameter(required = true, description = "Unit code (digits, or such as 15.SNV)", example = "15")
                    String unitCode,
            @RestQuery @Parameter(required = true, description = "The year, 2000 to 2100", example = "2025")
                    String year,
            @RestQuery String includeDescendants) {
        if (unitCode == null || unitCode.isBlank()) {
            throw ApiException.invalidParameter("unitCode", "is required", unitCode);
        }
        stats.requireKnownUnit("unitCode", unitCode);
        int y = Params.intOrDefault("year", year, 0);
        if (y < 2000 || y > 2100) {
            throw ApiException.invalidParameter("year", "must be between 2000 and 2100", year);
        }
        LocalDate end = LocalDate.of(y, 12, 31);
        boolean descendants = Params.booleanOrDefault("includeDescendants", includeDescendants, false);
        List<String> codes = stats.unitsCovered(unitCode, descendants, end);
        Rates.All r = Rates.of(stats.report(codes, LocalDate.of(y, 1, 1), end, StatsService.GroupBy.NONE)
                .total());
        Map<String, Rates.Rate> named = new LinkedHashMap<>();
        named.put("ON_TIME_RATE_RESOLVED", r.onTimeRateResolved());
        named.put("ON_TIME_RATE_WORKLOAD", r.onTimeRateWorkload());
        named.put("ONLINE_SHARE", r.onlineShare());
        named.put("FULL_ONLINE_SHARE", r.fullOnlineShare());
        named.put("LEVEL34_SHARE", r.level34Share());
        named.put("POSTAL_SHARE", r.postalShare());
        // Satisfaction, online payment, digitisation and feedback: the service index's indicators (issue 18).
        serviceIndex
                .factMetrics(codes, LocalDate.of(y, 1, 1), end)
                .forEach((indicator, f) -> named.put(
                        indicator.name(),
                        new Rates.Rate(
                                f.denominator() == 0
                                        ? null
                                        : ServiceIndexCalculator.ratio(java.math.BigDecimal.valueOf(100), f),
                                f.numerator(),
                                f.denominator(),
                                serviceIndex.formula(indicator))));
        List<Metric> metrics = named.entrySet().stream()
                .map(e -> new Metric(
                        e.getKey(),
                        e.getValue().value(),
                        e.getValue().numerator(),
                        e.getValue().denominator(),
                        e.getValue().formula()))
                .toList();
        StatsService.Freshness fresh = stats.freshness();
        return new Metrics(unitCode, y, fresh.dataAsOf(), fresh.dataReadFrom(), fresh.replicaLagMs(), metrics);
    }

    /** A report's period: from and to given, to on or after from and within 5 years of it. */
    private record Period(LocalDate start, LocalDate end) {
        static Period of(String from, String to) {
            LocalDate start = Params.requiredDate("from", from);
            LocalDate end = Params.requiredDate("to", to);
            if (end.isBefore(start) || end.isAfter(start.plusYears(5))) {
                throw ApiException.invalidParameter("to", "must be on or after from, within 5 years", to);
            }
            return new Period(start, end);
        }
    }
}
