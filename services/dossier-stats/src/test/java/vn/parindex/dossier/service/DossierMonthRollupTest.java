package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.api.FakeRegistry;
import vn.parindex.dossier.domain.Channel;
import vn.parindex.dossier.domain.DossierRow;
import vn.parindex.dossier.domain.DossierStatus;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.store.ChunkWriter;
import vn.parindex.dossier.store.DossierPartitions;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The partitioned dossier store and its monthly roll-up on PostgreSQL: random dossiers written by the ingestion's
 * chunk writer (new ones COPYed straight in, then re-sent ones through the upsert, many with a receipt date in
 * another month), then some deleted: every dossier is stored once, and the roll-up's counts of whole-month periods
 * equal the raw counts over the dossiers, for every grouping.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DossierMonthRollupTest {

    private static final List<String> UNITS = List.of("99801", "99802", "99803");
    /** Units of the archive test only: its detached month must not change the other test's running sums. */
    private static final List<String> ARCHIVED = List.of("99811");

    private static final String SOURCE = "ROLLUP";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DossierPartitions partitions;

    @Inject
    StatsService stats;

    @Test
    void shouldKeepOneRowPerDossierAndARollUpEqualToTheRawCounts() throws Exception {
        Random random = new Random(16);
        Map<String, DossierRow> latest = new HashMap<>();
        List<DossierRow> first = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            DossierRow row = random(random, "D" + i);
            first.add(row);
            latest.put(row.dossierId(), row);
        }
        long[] fresh = write(first);
        assertArrayEquals(new long[] {4000, 0, 0}, fresh, "all new: inserted");

        // Re-sent: 1,500 changed dossiers (about half received in another month), each sent twice in the batch
        // (the later wins), 300 sent unchanged, and 200 new ones.
        List<DossierRow> second = new ArrayList<>();
        int moved = 0;
        for (int i = 0; i < 1500; i++) {
            String id = "D" + (i * 2);
            DossierRow before = latest.get(id);
            second.add(random(random, id));
            DossierRow after = random(random, id);
            if (YearMonth.from(after.receivedDate()).equals(YearMonth.from(before.receivedDate()))
                    && !after.receivedDate().equals(before.receivedDate())) {
                after = withReceived(after, before.receivedDate());
            }
            if (!YearMonth.from(after.receivedDate()).equals(YearMonth.from(before.receivedDate()))) {
                moved++;
            }
            second.add(after);
            latest.put(id, after);
        }
        for (int i = 0; i < 300; i++) {
            second.add(latest.get("D" + (i * 2 + 1)));
        }
        for (int i = 4000; i < 4200; i++) {
            DossierRow row = random(random, "D" + i);
            second.add(row);
            latest.put(row.dossierId(), row);
        }
        assertTrue(moved > 500, moved + " dossiers move month");
        long[] resent = write(second);
        assertArrayEquals(new long[] {200, 1500, 300}, resent, "new, updated (moved ones too), unchanged");

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertEquals(
                    4200,
                    count(
                            s,
                            "SELECT count(*) FROM dossier WHERE source_system = '" + SOURCE
                                    + "' AND dossier_id LIKE 'D%'"));
            assertEquals(
                    4200,
                    count(
                            s,
                            "SELECT count(DISTINCT dossier_id) FROM dossier WHERE source_system = '" + SOURCE
                                    + "' AND dossier_id LIKE 'D%'"));
            assertEquals(
                    4200,
                    count(
                            s,
                            "SELECT count(*) FROM dossier_key WHERE source_system = '" + SOURCE
                                    + "' AND dossier_id LIKE 'D%'"));
            // Each dossier where it now is: its latest receipt date, in its month's partition.
            assertEquals(
                    0,
                    count(
                            s,
                            "SELECT count(*) FROM dossier d JOIN dossier_key k USING (source_system, dossier_id)"
                                    + " WHERE d.source_system = '" + SOURCE
                                    + "' AND d.received_date <> k.received_date"));
            assertEquals(
                    0,
                    count(s, "SELECT count(*) FROM dossier_default WHERE source_system = '" + SOURCE + "'"),
                    "no row of a month with a partition in the default one");
            String id = latest.keySet().stream().sorted().findFirst().orElseThrow();
            assertEquals(
                    1,
                    count(
                            s,
                            "SELECT count(*) FROM dossier_"
                                    + YearMonth.from(latest.get(id).receivedDate())
                                            .toString()
                                            .replace('-', '_') + " WHERE dossier_id = '" + id
                                    + "' AND source_system = '" + SOURCE
                                    + "'"));
            // Deleted straight from the table: the roll-up follows (statement trigger).
            s.executeUpdate("DELETE FROM dossier WHERE source_system = '" + SOURCE + "' AND dossier_id LIKE 'D1%'");
        }

        for (StatsService.GroupBy g : StatsService.GroupBy.values()) {
            if (g == StatsService.GroupBy.MONTH) {
                continue;
            }
            for (LocalDate[] p : new LocalDate[][] {
                {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)},
                {LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)},
                {LocalDate.of(2024, 4, 1), LocalDate.of(2024, 9, 30)},
                {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
                {LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)},
                {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)}
            }) {
                assertTrue(StatsService.wholeMonths(p[0], p[1], LocalDate.of(2026, 6, 1)));
                List<StatsService.Row> raw = stats.raw(UNITS, p[0], p[1], g);
                assertEquals(raw, stats.rolledUp(UNITS, p[0], p[1], g), g + " " + p[0] + ".." + p[1]);
                assertNotEquals(
                        0,
                        raw.stream().mapToLong(r -> r.counts().received()).sum()
                                + raw.stream()
                                        .mapToLong(r -> r.counts().pendingWithinTime()
                                                + r.counts().overdue())
                                        .sum());
            }
        }
        // The raw answer is the one a partial month gets.
        assertTrue(!StatsService.wholeMonths(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 31), LocalDate.now()));
        assertTrue(!StatsService.wholeMonths(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 30), LocalDate.now()));
    }

    @Test
    void shouldCreatePartitionsAheadMoveDefaultRowsAndDetachAMonthForArchive() throws Exception {
        LocalDate farAhead = YearMonth.now().plusMonths(30).atDay(5);
        List<DossierRow> rows = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            rows.add(withReceived(random(random, "A" + i, ARCHIVED), LocalDate.of(2019, 1, 3 + i)));
        }
        DossierRow ahead = withReceived(random(random, "F1", ARCHIVED), farAhead);
        rows.add(new DossierRow(
                ahead.sourceSystem(),
                ahead.dossierId(),
                ahead.procedureCode(),
                ahead.unitCode(),
                ahead.channel(),
                ahead.serviceLevel(),
                DossierStatus.RECEIVED,
                ahead.receivedAt(),
                ahead.receivedDate(),
                null,
                farAhead.plusDays(10),
                null,
                null,
                null,
                false,
                null));
        write(rows);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // Too far ahead for a partition: in the default one, then moved to its own when that is created.
            assertEquals(1, count(s, "SELECT count(*) FROM dossier_default WHERE dossier_id = 'F1'"));
            s.execute("SELECT dossier_ensure_partitions('" + farAhead + "', '" + farAhead + "')");
            assertEquals(0, count(s, "SELECT count(*) FROM dossier_default WHERE dossier_id = 'F1'"));
            String part = "dossier_" + YearMonth.from(farAhead).toString().replace('-', '_');
            assertEquals(1, count(s, "SELECT count(*) FROM " + part + " WHERE dossier_id = 'F1'"));
            assertEquals(1, count(s, "SELECT count(*) FROM dossier WHERE dossier_id = 'F1'"));

            List<StatsService.Row> before = stats.rolledUp(
                    ARCHIVED, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31), StatsService.GroupBy.NONE);
            assertEquals(
                    20,
                    before.getFirst().counts().received()
                            + before.getFirst().counts().excluded());
            try (ResultSet rs = s.executeQuery("SELECT dossier_detach_partition('2019-01-15')")) {
                rs.next();
                assertEquals("dossier_archive_2019_01", rs.getString(1));
            }
            assertEquals(
                    0,
                    count(
                            s,
                            "SELECT count(*) FROM dossier WHERE dossier_id LIKE 'A%'"
                                    + " AND received_date < '2019-02-01'"));
            assertEquals(20, count(s, "SELECT count(*) FROM dossier_archive_2019_01 WHERE dossier_id LIKE 'A%'"));
            // The month's counts stay in the roll-up.
            assertEquals(
                    before,
                    stats.rolledUp(
                            ARCHIVED, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31), StatsService.GroupBy.NONE));
        }
    }

    private long[] write(List<DossierRow> rows) throws Exception {
        ChunkWriter writer = new ChunkWriter(dataSource::getConnection, partitions);
        try {
            for (DossierRow r : rows) {
                writer.add(r);
            }
            long[] counts = writer.finish();
            writer.connection().commit();
            return counts;
        } finally {
            writer.close();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static DossierRow withReceived(DossierRow r, LocalDate received) {
        long shift = received.toEpochDay() - r.receivedDate().toEpochDay();
        return new DossierRow(
                r.sourceSystem(),
                r.dossierId(),
                r.procedureCode(),
                r.unitCode(),
                r.channel(),
                r.serviceLevel(),
                r.status(),
                r.receivedAt().plusDays(shift),
                received,
                r.dueAt() == null ? null : r.dueAt().plusDays(shift),
                r.dueDate().plusDays(shift),
                r.finishedAt() == null ? null : r.finishedAt().plusDays(shift),
                r.finishedDate() == null ? null : r.finishedDate().plusDays(shift),
                r.finishClass(),
                r.excluded(),
                r.processingDays());
    }

    /** A dossier received in 2024-2025, due 0-40 days later, finished (or not, or excluded) 0-70 days later. */
    private static DossierRow random(Random random, String id) {
        return random(random, id, UNITS);
    }

    private static DossierRow random(Random random, String id, List<String> units) {
        LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(731));
        LocalDate due = received.plusDays(random.nextInt(41));
        int fate = random.nextInt(10);
        boolean excluded = fate == 0;
        LocalDate finished = fate <= 6 ? received.plusDays(random.nextInt(71)) : null;
        Integer finishClass =
                finished == null || excluded ? null : finished.isBefore(due) ? 1 : finished.equals(due) ? 2 : 3;
        DossierStatus status = excluded
                ? DossierStatus.values()[DossierStatus.values().length - 1]
                : finished != null ? DossierStatus.RESOLVED : DossierStatus.PROCESSING;
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        ServiceLevel level = ServiceLevel.values()[random.nextInt(ServiceLevel.values().length)];
        return new DossierRow(
                SOURCE,
                id,
                "P" + random.nextInt(4),
                units.get(random.nextInt(units.size())),
                channel,
                level,
                status,
                received.atTime(9, 0).atOffset(ZoneOffset.ofHours(7)),
                received,
                due.atTime(17, 0).atOffset(ZoneOffset.ofHours(7)),
                due,
                finished == null ? null : finished.atTime(10, 0).atOffset(ZoneOffset.ofHours(7)),
                finished,
                finishClass,
                excluded,
                finished == null || excluded ? null : random.nextInt(30));
    }
}
