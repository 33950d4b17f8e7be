package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.domain.Fraction;
import vn.parindex.dossier.domain.Indicator;
import vn.parindex.dossier.index.IndexRegistry;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The monthly roll-ups of payments, digitisation and ratings (V12) on PostgreSQL: their conditions are the
 * indicators' own, and after random facts are inserted, upserted (as a re-sent batch), moved to another month,
 * changed and deleted, the service index's counts of whole months from the roll-ups equal the counts over the
 * facts themselves, for every unit and indicator.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = IndexRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FactMonthRollupTest {

    private static final List<String> UNITS = List.of("99901", "99902", "99903", "99904");

    private static final List<Indicator.Source> FACTS =
            List.of(Indicator.Source.PAYMENT, Indicator.Source.DIGITISATION, Indicator.Source.RATING);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceIndexService index;

    @Test
    void shouldCountWithTheIndicatorsOwnConditions() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT fact_table, target, day_column, counts FROM fact_month_rule ORDER BY fact_table")) {
            List<String> seen = new ArrayList<>();
            while (rs.next()) {
                String table = rs.getString(1);
                Indicator.Source source = Arrays.stream(Indicator.Source.values())
                        .filter(x -> x.table().equals(table))
                        .findFirst()
                        .orElseThrow();
                assertEquals(source.monthly(), rs.getString(2), table);
                assertEquals(source.dayColumn(), rs.getString(3), table);
                List<String> expected = new ArrayList<>();
                for (Indicator i : source.indicators()) {
                    expected.addAll(List.of(i.column() + "_den", i.denominator(), i.column() + "_num", i.numerator()));
                }
                Array counts = rs.getArray(4);
                assertEquals(expected, Arrays.asList((String[]) counts.getArray()), table);
                seen.add(source.name());
            }
            assertEquals(List.of("DIGITISATION", "PAYMENT", "RATING"), seen);
        }
    }

    @Test
    void shouldEqualTheRawCountsAfterInsertsUpsertsMovesAndDeletes() throws Exception {
        String units = "ARRAY['" + String.join("','", UNITS) + "']";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.18)");
            // 3,000 of each kind over 2024, the four units, one statement each (as a COPY of new records).
            s.execute("INSERT INTO dossier_payment (source_system, dossier_id, unit_code, fee, paid_online, paid_at,"
                    + " paid_date, recorded_by) SELECT 'ROLL', 'P' || g, (" + units + ")[1 + g % 4], f,"
                    + " f > 0 AND random() < 0.6, d::timestamptz, d, 'test' FROM generate_series(1, 3000) g,"
                    + " LATERAL (SELECT CASE WHEN random() < 0.25 THEN 0 ELSE 50000 END + g * 0 AS f,"
                    + " DATE '2024-01-01' + (random() * 365)::int + g * 0 AS d) x");
            s.execute("INSERT INTO dossier_digitisation (source_system, dossier_id, unit_code, components_total,"
                    + " components_digitised, result_electronic, reused_digitised, digitised_at, digitised_date,"
                    + " recorded_by) SELECT 'ROLL', 'G' || g, (" + units + ")[1 + g % 4], t,"
                    + " CASE WHEN random() < 0.7 THEN t ELSE t / 2 END,"
                    + " CASE WHEN random() < 0.2 THEN NULL ELSE random() < 0.5 END, random() < 0.3,"
                    + " d::timestamptz, d, 'test' FROM generate_series(1, 3000) g,"
                    + " LATERAL (SELECT (random() * 4)::int + g * 0 AS t,"
                    + " DATE '2024-01-01' + (random() * 365)::int + g * 0 AS d) x");
            s.execute("INSERT INTO dossier_rating (source_system, dossier_id, unit_code, channel, level, rated_at,"
                    + " rated_date, recorded_by) SELECT 'ROLL', 'R' || g, (" + units + ")[1 + g % 4], 'DEVICE',"
                    + " (ARRAY['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'])[1 + (random() * 2)::int],"
                    + " d::timestamptz, d, 'test' FROM generate_series(1, 3000) g,"
                    + " LATERAL (SELECT DATE '2024-01-01' + (random() * 365)::int + g * 0 AS d) x");
            // A re-sent batch: an upsert of 1,000 stored ratings (changed level, some in another month) and 200 new.
            s.execute("INSERT INTO dossier_rating AS t (source_system, dossier_id, unit_code, channel, level, rated_at,"
                    + " rated_date, recorded_by) SELECT 'ROLL', 'R' || g, (" + units + ")[1 + g % 4], 'ONLINE',"
                    + " (ARRAY['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'])[1 + (random() * 2)::int],"
                    + " d::timestamptz, d, 'test' FROM generate_series(2001, 3200) g,"
                    + " LATERAL (SELECT DATE '2024-01-01' + (random() * 365)::int + g * 0 AS d) x"
                    + " ON CONFLICT (source_system, dossier_id) DO UPDATE SET level = EXCLUDED.level,"
                    + " rated_at = EXCLUDED.rated_at, rated_date = EXCLUDED.rated_date");
            // Direct changes: payments moved a month on and made online, a unit's digitisation corrected, deletes.
            s.execute("UPDATE dossier_payment SET paid_date = paid_date + 31, paid_online = fee > 0"
                    + " WHERE source_system = 'ROLL' AND dossier_id LIKE 'P1%'");
            s.execute("UPDATE dossier_digitisation SET components_digitised = components_total,"
                    + " result_electronic = true WHERE source_system = 'ROLL' AND unit_code = '" + UNITS.get(2)
                    + "'");
            s.execute("DELETE FROM dossier_rating WHERE source_system = 'ROLL' AND dossier_id LIKE 'R2%'");
            s.execute("DELETE FROM dossier_payment WHERE source_system = 'ROLL' AND paid_date < DATE '2024-03-01'");
        }

        for (LocalDate[] p : new LocalDate[][] {
            {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)},
            {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)},
            {LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)},
            {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 11, 30)},
            {LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)}
        }) {
            Map<String, Map<Indicator, Fraction>> raw = present(index.counts(UNITS, p[0], p[1], FACTS, false));
            Map<String, Map<Indicator, Fraction>> rolled = present(index.counts(UNITS, p[0], p[1], FACTS, true));
            assertEquals(raw, rolled, p[0] + ".." + p[1]);
            assertTrue(
                    raw.values().stream().flatMap(m -> m.values().stream()).anyMatch(f -> f.numerator() > 0),
                    "the period counts something");
        }
        // Every roll-up row is a unit and month some fact was in; a month emptied by the deletes is all zeros.
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE online_payment_rate_den <> 0),"
                        + " count(*) FROM payment_month WHERE unit_code = ANY(ARRAY['"
                        + String.join("','", UNITS) + "']) AND month < DATE '2024-03-01'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "January and February's payments were deleted");
            assertTrue(rs.getLong(2) > 0, "their rows stay, at zero");
        }
    }

    /** The counts with an indicator of no denominator (missing, either way) left out. */
    private static Map<String, Map<Indicator, Fraction>> present(Map<String, Map<Indicator, Fraction>> counts) {
        Map<String, Map<Indicator, Fraction>> out = new TreeMap<>();
        counts.forEach((unit, m) -> m.forEach((i, f) -> {
            if (f.denominator() != 0 || f.numerator() != 0) {
                out.computeIfAbsent(unit, u -> new TreeMap<>()).put(i, f);
            }
        }));
        return out;
    }
}
