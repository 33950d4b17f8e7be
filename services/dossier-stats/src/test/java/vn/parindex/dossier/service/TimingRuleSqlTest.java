package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.api.FakeRegistry;
import vn.parindex.dossier.domain.Channel;
import vn.parindex.dossier.domain.Counts;
import vn.parindex.dossier.domain.DossierStatus;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.domain.TimingClass;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The statistics' SQL against the Java timing rule ({@link TimingClass}) on one table of edge cases on
 * PostgreSQL: every status, received, due and finished before, on and after the period's edges and the day the
 * pending counts are taken on. The finish class is stored as ingestion stores it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TimingRuleSqlTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String UNIT = "99901";

    private record Dossier(
            DossierStatus status,
            LocalDate received,
            LocalDate due,
            LocalDate finished,
            Channel channel,
            ServiceLevel level,
            int processingDays) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService stats;

    @Test
    void shouldCountAPastPeriodAsTheJavaRuleDoes() throws Exception {
        LocalDate from = LocalDate.of(2025, 3, 10);
        LocalDate to = LocalDate.of(2025, 3, 20);
        assertSameCounts(from, to, to);
    }

    @Test
    void shouldCountAPeriodEndingAfterTodayAsTheJavaRuleDoesOnToday() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        assertSameCounts(today.minusDays(6), today.plusDays(6), today);
    }

    private void assertSameCounts(LocalDate from, LocalDate to, LocalDate asOf) throws Exception {
        List<Dossier> dossiers = edgeCases(from, to, asOf);
        store(dossiers);
        Counts expected =
                dossiers.stream().map(d -> javaRule(d, from, to, asOf)).reduce(Counts.ZERO, Counts::plus);
        Counts sql = stats.counts(List.of(UNIT), from, to, StatsService.GroupBy.NONE)
                .getFirst()
                .counts();
        assertEquals(expected, sql, dossiers.size() + " edge cases over " + from + ".." + to);
    }

    private static List<Dossier> edgeCases(LocalDate from, LocalDate to, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate edge : List.of(from, to, asOf)) {
            days.add(edge.minusDays(1));
            days.add(edge);
            days.add(edge.plusDays(1));
        }
        List<Dossier> out = new ArrayList<>();
        int n = 0;
        for (DossierStatus status : DossierStatus.values()) {
            for (LocalDate received : days) {
                for (LocalDate due : days.tailSet(received, true)) {
                    List<LocalDate> finishes = new ArrayList<>();
                    if (!status.isFinished()) {
                        finishes.add(null);
                    }
                    if (status.isFinished() || status.isExcluded()) {
                        finishes.addAll(days.tailSet(received, true));
                    }
                    for (LocalDate finished : finishes) {
                        n++;
                        out.add(new Dossier(
                                status,
                                received,
                                due,
                                finished,
                                Channel.values()[n % Channel.values().length],
                                ServiceLevel.values()[n / Channel.values().length % ServiceLevel.values().length],
                                n % 7));
                    }
                }
            }
        }
        return out;
    }

    /** What each count means for one dossier, with its timing from {@link TimingClass} alone. */
    private static Counts javaRule(Dossier d, LocalDate from, LocalDate to, LocalDate asOf) {
        boolean inPeriod = !d.received().isAfter(to)
                && (d.finished() == null || !d.finished().isBefore(from));
        if (!inPeriod) {
            return Counts.ZERO;
        }
        if (d.status().isExcluded()) {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0, one(!d.received().isBefore(from)), 0, 0, 0, 0, 0);
        }
        boolean received = !d.received().isBefore(from);
        TimingClass finished = TimingClass.ofFinished(d.status(), d.due(), d.finished());
        boolean resolved = finished != null && !d.finished().isAfter(to);
        TimingClass onAsOf = TimingClass.on(d.status(), d.received(), d.due(), d.finished(), asOf);
        boolean online = received && d.channel() == Channel.ONLINE;
        return new Counts(
                one(received),
                one(!received),
                one(resolved),
                one(resolved && finished == TimingClass.EARLY),
                one(resolved && finished == TimingClass.ON_TIME),
                one(resolved && finished == TimingClass.LATE),
                one(onAsOf == TimingClass.PENDING_WITHIN_TIME),
                one(onAsOf == TimingClass.OVERDUE),
                0,
                one(online),
                one(online && d.level() == ServiceLevel.FULL),
                one(online && d.level().isLevel34()),
                one(received && d.channel() == Channel.POSTAL),
                resolved ? d.processingDays() : 0);
    }

    private static long one(boolean b) {
        return b ? 1 : 0;
    }

    private void store(List<Dossier> dossiers) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM dossier WHERE unit_code = '" + UNIT + "'");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dossier (source_system, dossier_id,"
                    + " procedure_code, unit_code, channel, service_level, status, received_at, received_date,"
                    + " due_date, finished_at, finished_date, finish_class, excluded, processing_days)"
                    + " VALUES ('EDGE', ?, 'P-EDGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int id = 0;
                for (Dossier d : dossiers) {
                    TimingClass finished = TimingClass.ofFinished(d.status(), d.due(), d.finished());
                    boolean classed = finished != null && finished != TimingClass.EXCLUDED;
                    s.setString(1, "E" + ++id);
                    s.setString(2, UNIT);
                    s.setString(3, d.channel().name());
                    s.setString(4, d.level().name());
                    s.setString(5, d.status().name());
                    s.setObject(6, d.received().atStartOfDay(VIETNAM).toOffsetDateTime());
                    s.setDate(7, Date.valueOf(d.received()));
                    s.setDate(8, Date.valueOf(d.due()));
                    s.setObject(
                            9,
                            d.finished() == null
                                    ? null
                                    : d.finished().atStartOfDay(VIETNAM).toOffsetDateTime(),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setDate(10, d.finished() == null ? null : Date.valueOf(d.finished()));
                    if (classed) {
                        s.setInt(11, finished.code());
                        s.setInt(13, d.processingDays());
                    } else {
                        s.setNull(11, Types.SMALLINT);
                        s.setNull(13, Types.INTEGER);
                    }
                    s.setBoolean(12, d.status().isExcluded());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }
}
