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

    /**
     * A report. {@code dataAsOf}: when the last batch was ingested, as the server read knows it;
     * {@code dataReadFrom}: {@code primary} or {@code replica}; {@code replicaLagMs}: how far the replica's replay
     * is behind the primary (0 when caught up), {@code null} when read from the primary.
     */
    public record Report(
            String unitCode,
            boolean includeDescendants,
            int unitCount,
            LocalDate from,
            LocalDate to,
            String groupBy,
            OffsetDateTime dataAsOf,
            String dataReadFrom,
            Long replicaLagMs,
            List<Item> items,
            Item total) {}

    /** A metric as the criteria catalogue names it. */
    public record Metric(String name, java.math.BigDecimal value, long numerator, long denominator, String formula) {}

    public record Metrics(
            String unitCode,
            int year,
            OffsetDateTime dataAsOf,
            String dataReadFrom,
            Long replicaLagMs,
            List<Metric> metrics) {}
}
