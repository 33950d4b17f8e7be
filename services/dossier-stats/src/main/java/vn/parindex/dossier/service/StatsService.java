package vn.parindex.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.Counts;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.domain.TimingClass;
import vn.parindex.dossier.store.NamedSql;
import vn.parindex.dossier.store.ReadSource;

/**
 * Dossier counts over a period, for a set of units, optionally grouped. One statement with filtered aggregates
 * per period; months are separate periods (each with its own carried-over and pending counts).
 *
 * <p>Definitions (period [from, to], {@code asOf} = the earlier of {@code to} and today): received = received in
 * the period; carriedOver = received before it and not finished before it; resolved = finished in it (early /
 * on time / late against the due date); pendingWithinTime and overdue = not finished on {@code asOf}, due on or
 * after it / before it; excluded = refused, withdrawn or cancelled dossiers received in the period, left out of
 * every other count. The timing classes are {@link TimingClass}'s: stored codes for finished dossiers, its
 * {@link TimingClass#on} rule for unfinished ones (checked against this SQL on PostgreSQL by TimingRuleSqlTest).
 */
@ApplicationScoped
public class StatsService {

    /** How rows are grouped. */
    public enum GroupBy {
        NONE,
        MONTH,
        PROCEDURE,
        FIELD,
        UNIT,
        CHANNEL
    }

    /** One group's counts. */
    public record Row(String key, Counts counts) {}

    /** A report's rows and the total over all of them. */
    public record Report(List<Row> rows, Counts total) {}

    /** The level-3/4 service levels as an SQL list, from the rule in {@link ServiceLevel}. */
    private static final String LEVEL_34 = ServiceLevel.level34().stream()
            .map(l -> "'" + l.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /**
     * How fresh an answer is: when the last batch was ingested (as the server read knows it), which server was read
     * ({@code primary} or {@code replica}) and, for a replica, how far its replay is behind the primary.
     */
    public record Freshness(OffsetDateTime dataAsOf, String dataReadFrom, Long replicaLagMs) {}

    private final ReadSource reads;
    private final UnitDirectory units;

    public StatsService(ReadSource reads, UnitDirectory units) {
        this.reads = reads;
        this.units = units;
    }

    /** 404 {@code UNIT_NOT_FOUND} naming {@code field} unless the registry knows {@code unitCode}. */
    public void requireKnownUnit(String field, String unitCode) {
        units.requireKnown(field, unitCode);
    }

    /** The units a statistic covers: the unit alone, or with its descendants on {@code day}. */
    public List<String> unitsCovered(String unitCode, boolean descendants, LocalDate day) {
        return descendants ? units.selfAndDescendants(unitCode, day) : List.of(unitCode);
    }

    /** Every province on {@code day} with its units (itself and its descendants on that day). */
    public Map<String, List<String>> provincesWithUnits(LocalDate day) {
        return units.provincesWithUnits(day);
    }

    /** The rows of {@link #counts} and their total, each dossier read once where the grouping allows it. */
    public Report report(List<String> units, LocalDate from, LocalDate to, GroupBy groupBy) {
        List<Row> rows = counts(units, from, to, groupBy);
        Counts total = switch (groupBy) {
            case NONE -> rows.getFirst().counts();
            // Months are periods of their own: their carried-over and pending counts do not add up to the
            // whole period's.
            case MONTH -> query(units, from, to, GroupBy.NONE).getFirst().counts();
            // Every dossier is in exactly one unit, procedure, field or channel: the groups add up to the
            // total, which a second statement over the same dossiers would only repeat (it doubled the
            // time of a province grouped by unit).
            case PROCEDURE, FIELD, UNIT, CHANNEL ->
                rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus);
        };
        return new Report(rows, total);
    }

    /**
     * The report of units grouped by the group each is in ({@code groupOf}: unit code to group key, such as the
     * provinces of the country): the statement grouped by unit over all the units (whole months from the roll-up,
     * like {@link #report}), each unit's counts added to its group's, groups in key order, and their total. Every
     * count is a count of dossiers, each in one unit, so a group's sum is the group's count. Grouping by unit in the
     * statement and summing here was twice as fast as joining the unit-to-group pairs in SQL (a sort of every
     * roll-up row by unit).
     */
    public Report reportByGroup(Map<String, String> groupOf, LocalDate from, LocalDate to) {
        Map<String, Counts> byGroup = new java.util.TreeMap<>();
        for (Row unit : query(new ArrayList<>(groupOf.keySet()), from, to, GroupBy.UNIT)) {
            byGroup.merge(groupOf.get(unit.key()), unit.counts(), Counts::plus);
        }
        List<Row> rows = byGroup.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()))
                .toList();
        return new Report(rows, rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus));
    }

    public List<Row> counts(List<String> units, LocalDate from, LocalDate to, GroupBy groupBy) {
        if (groupBy == GroupBy.MONTH) {
            List<Row> rows = new ArrayList<>();
            for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
                LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
                LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
                List<Row> one = query(units, start, end, GroupBy.NONE);
                rows.add(new Row(
                        m.toString(),
                        one.isEmpty() ? Counts.ZERO : one.getFirst().counts()));
            }
            return rows;
        }
        return query(units, from, to, groupBy);
    }

    /** When the last batch was ingested (or {@code null}), on the server statistics are read from, and its lag. */
    public Freshness freshness() {
        try (Connection c = reads.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT last_ingested FROM ingestion_state WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            OffsetDateTime asOf = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            return new Freshness(asOf, reads.name().label(), reads.lagMs(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ingestion state", e);
        }
    }

    /**
     * Whether [from, to] is made of whole months that have ended by today (Vietnam's day): then its counts are the
     * monthly roll-up's (V8), the same numbers as the raw definitions at the period's last day.
     */
    static boolean wholeMonths(LocalDate from, LocalDate to, LocalDate today) {
        return from.getDayOfMonth() == 1
                && to.equals(YearMonth.from(to).atEndOfMonth())
                && !from.isAfter(to)
                && !to.isAfter(today);
    }

    private List<Row> query(List<String> units, LocalDate from, LocalDate to, GroupBy groupBy) {
        return wholeMonths(from, to, VietnamTime.today())
                ? rolledUp(units, from, to, groupBy)
                : raw(units, from, to, groupBy);
    }

    private static String key(GroupBy groupBy) {
        return switch (groupBy) {
            case NONE, MONTH -> "'total'";
            case PROCEDURE -> "d.procedure_code";
            case FIELD -> "coalesce(p.field, '(none)')";
            case UNIT -> "d.unit_code";
            case CHANNEL -> "d.channel";
        };
    }

    /**
     * The counts of whole months from the roll-up: flows summed over the period's months, carried over and open /
     * overdue at the end as running sums over the months before and up to its end. Grouped by procedure or field,
     * {@code dossier_month} (V8, one row per procedure); otherwise {@code dossier_unit_month} (V11, the same sums
     * without the procedure, a few rows per unit and month).
     */
    List<Row> rolledUp(List<String> units, LocalDate from, LocalDate to, GroupBy groupBy) {
        String inPeriod = "d.month >= :from";
        NamedSql sql = NamedSql.of("SELECT " + key(groupBy) + " AS k,"
                + " coalesce(sum(d.received) FILTER (WHERE " + inPeriod + "), 0) AS received,"
                + " coalesce(sum(d.open_in - d.open_out) FILTER (WHERE d.month < :from), 0) AS carried_over,"
                + " coalesce(sum(d.resolved) FILTER (WHERE " + inPeriod + "), 0) AS resolved,"
                + " coalesce(sum(d.early) FILTER (WHERE " + inPeriod + "), 0) AS early,"
                + " coalesce(sum(d.on_time) FILTER (WHERE " + inPeriod + "), 0) AS on_time,"
                + " coalesce(sum(d.late) FILTER (WHERE " + inPeriod + "), 0) AS late,"
                + " coalesce(sum(d.open_in - d.open_out), 0) AS open_total,"
                + " coalesce(sum(d.overdue_in - d.overdue_out), 0) AS overdue,"
                + " coalesce(sum(d.excluded) FILTER (WHERE " + inPeriod + "), 0) AS excluded,"
                + " coalesce(sum(d.received) FILTER (WHERE d.channel = 'ONLINE' AND " + inPeriod + "), 0) AS online,"
                + " coalesce(sum(d.received) FILTER (WHERE d.service_level = 'FULL' AND d.channel = 'ONLINE' AND "
                + inPeriod + "), 0) AS full_online,"
                + " coalesce(sum(d.received) FILTER (WHERE d.service_level IN (" + LEVEL_34
                + ") AND d.channel = 'ONLINE' AND " + inPeriod + "), 0) AS level34,"
                + " coalesce(sum(d.received) FILTER (WHERE d.channel = 'POSTAL' AND " + inPeriod + "), 0) AS postal,"
                + " coalesce(sum(d.processing_days) FILTER (WHERE " + inPeriod + "), 0) AS processing_days"
                // Without a procedure grouping, the roll-up without procedures (V11): at most units × months × 9 rows.
                + (groupBy == GroupBy.PROCEDURE || groupBy == GroupBy.FIELD
                        ? " FROM dossier_month d"
                        : " FROM dossier_unit_month d")
                + (groupBy == GroupBy.FIELD ? " LEFT JOIN procedure p ON p.code = d.procedure_code" : "")
                + " WHERE d.unit_code = ANY(:units) AND d.month <= :to"
                + " GROUP BY 1 ORDER BY 1");
        // Many units (a province, the country) get a custom plan: the driver prepares a statement run five times on
        // the server, and its generic plan, blind to a 3,321-code array, chose a bitmap scan and a sort spilled to
        // disk for the national report (0.84-1.03 s at 30M dossiers, against 0.37 s for the custom plan's parallel
        // scan and hash aggregate of the same 637,606 roll-up rows: EXPLAIN in docs/performance.md).
        return run(sql, Map.of("from", from, "to", to, "units", units), groupBy, units.size() > 1);
    }

    /** The counts of any period from the dossiers themselves (partitions received after {@code to} are pruned). */
    List<Row> raw(List<String> units, LocalDate from, LocalDate to, GroupBy groupBy) {
        LocalDate today = VietnamTime.today();
        LocalDate asOf = to.isAfter(today) ? today : to;
        String key = key(groupBy);
        // The WHERE clause keeps the dossiers that can count in [from, to]: received by its end and not finished
        // before its start. The filters, most of the time of a province's ~300,000 rows, leave out what it already
        // guarantees: received in the period is received on or after :from, resolved in it is finished on or
        // before :to, carried over is received before :from. Pending within time is open minus overdue (the due
        // date is never null). A filter starts with the test that most often fails.
        String received = "NOT d.excluded AND d.received_date >= :from";
        String resolved = "d.finished_date <= :to";
        String open =
                "(d.finished_date IS NULL OR d.finished_date > :asOf) AND NOT d.excluded AND d.received_date <= :asOf";
        NamedSql sql = NamedSql.of("SELECT " + key + " AS k,"
                + " count(*) FILTER (WHERE " + received + ") AS received,"
                + " count(*) FILTER (WHERE NOT d.excluded AND d.received_date < :from) AS carried_over,"
                + " count(*) FILTER (WHERE d.finish_class IS NOT NULL AND " + resolved + ") AS resolved,"
                + " count(*) FILTER (WHERE d.finish_class = " + TimingClass.EARLY.code() + " AND " + resolved
                + ") AS early,"
                + " count(*) FILTER (WHERE d.finish_class = " + TimingClass.ON_TIME.code() + " AND " + resolved
                + ") AS on_time,"
                + " count(*) FILTER (WHERE d.finish_class = " + TimingClass.LATE.code() + " AND " + resolved
                + ") AS late,"
                + " count(*) FILTER (WHERE " + open + ") AS open_total,"
                + " count(*) FILTER (WHERE " + open + " AND d.due_date < :asOf) AS overdue,"
                + " count(*) FILTER (WHERE d.excluded AND d.received_date >= :from) AS excluded,"
                + " count(*) FILTER (WHERE d.channel = 'ONLINE' AND " + received + ") AS online,"
                + " count(*) FILTER (WHERE d.service_level = 'FULL' AND d.channel = 'ONLINE' AND " + received
                + ") AS full_online,"
                + " count(*) FILTER (WHERE d.service_level IN (" + LEVEL_34 + ") AND d.channel = 'ONLINE' AND "
                + received + ") AS level34,"
                + " count(*) FILTER (WHERE d.channel = 'POSTAL' AND " + received + ") AS postal,"
                + " coalesce(sum(d.processing_days) FILTER (WHERE d.finish_class IS NOT NULL AND " + resolved
                + "), 0) AS processing_days"
                + " FROM dossier d"
                + (groupBy == GroupBy.FIELD ? " LEFT JOIN procedure p ON p.code = d.procedure_code" : "")
                + " WHERE d.unit_code = ANY(:units) AND d.received_date <= :to"
                + " AND (d.finished_date IS NULL OR d.finished_date >= :from)"
                + " GROUP BY 1 ORDER BY 1");
        return run(sql, Map.of("from", from, "to", to, "asOf", asOf, "units", units), groupBy, units.size() > 1);
    }

    private List<Row> run(NamedSql sql, Map<String, Object> params, GroupBy groupBy, boolean manyUnits) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection c = reads.dataSource().getConnection();
                PreparedStatement s = sql.prepare(c)) {
            if (manyUnits) {
                planForManyUnits(c);
            }
            sql.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString("k");
                    rows.put(k, new Row(k, counts(rs)));
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute dossier statistics", e);
        }
        if (groupBy == GroupBy.NONE || groupBy == GroupBy.MONTH) {
            return List.of(
                    rows.isEmpty()
                            ? new Row("total", Counts.ZERO)
                            : rows.values().iterator().next());
        }
        // A group whose dossiers count nothing in the period (finished before it, or excluded before it) is left
        // out, whichever way the counts were made.
        rows.values().removeIf(r -> r.counts().equals(Counts.ZERO));
        return new ArrayList<>(rows.values());
    }

    /** A row's counts, read by the aliases of {@link #query}'s columns. */
    private static Counts counts(ResultSet rs) throws SQLException {
        long open = rs.getLong("open_total");
        long overdue = rs.getLong("overdue");
        return new Counts(
                rs.getLong("received"),
                rs.getLong("carried_over"),
                rs.getLong("resolved"),
                rs.getLong("early"),
                rs.getLong("on_time"),
                rs.getLong("late"),
                open - overdue,
                overdue,
                rs.getLong("excluded"),
                rs.getLong("online"),
                rs.getLong("full_online"),
                rs.getLong("level34"),
                rs.getLong("postal"),
                rs.getLong("processing_days"));
    }

    /**
     * Lets PostgreSQL read many units' index entries with parallel workers (a province grouped by unit: a third
     * less time on two cores). The planner counts the index pages of an {@code = ANY(array)} scan per array element
     * (~30 for a commune's year, under the 512 kB from which it plans workers), and a prepared statement run five
     * times may switch to a generic plan that assumes a short array. Both settings end with this read-only
     * transaction; a single unit keeps the plain statement.
     */
    static void planForManyUnits(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('min_parallel_index_scan_size', '0', true),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', true)");
        }
    }
}
