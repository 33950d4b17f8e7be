package vn.parindex.dossier.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.parindex.dossier.domain.Counts;
import vn.parindex.dossier.domain.Rates;

/** The typed answers of the statistics endpoints, shared by the resource and its CSV writer. */
public final class StatsDto {

    private StatsDto() {}

    /** One row: its key, counts and rates. */
    public record Item(String key, Counts counts, Rates.All rates) {}

    public record Report(
            String unitCode,
            boolean includeDescendants,
            int unitCount,
            LocalDate from,
            LocalDate to,
            String groupBy,
            OffsetDateTime dataAsOf,
            List<Item> items,
            Item total) {}

    /** A metric as the criteria catalogue names it. */
    public record Metric(String name, java.math.BigDecimal value, long numerator, long denominator, String formula) {}

    public record Metrics(String unitCode, int year, OffsetDateTime dataAsOf, List<Metric> metrics) {}
}
