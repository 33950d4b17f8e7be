package vn.parindex.registry.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import vn.parindex.registry.RegistrySettings;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.NameFolding;
import vn.parindex.registry.domain.TransitionPlanner;
import vn.parindex.registry.domain.TransitionPlanner.Plan;
import vn.parindex.registry.domain.TransitionPlanner.PlannedEdge;
import vn.parindex.registry.domain.TransitionPlanner.PlannedEvent;
import vn.parindex.registry.domain.TransitionPlanner.PlannedVersion;
import vn.parindex.registry.domain.UnitAttributes;

/**
 * Loads the real administrative structure on first start: the structure valid until 2025-06-30, the structure
 * from 2025-07-01 and the 2025 lineage. Runs once per database (a row in {@code registry_seed} says it ran);
 * replicas starting together serialise on an advisory lock, and the load is one transaction, so a failed load
 * leaves nothing behind. Rows go in with COPY: about 14,000 versions and 14,000 edges.
 */
@ApplicationScoped
public class SeedLoader {

    static final String SEED_NAME = "vn-units-2025-reform";
    static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);
    private static final long LOCK_KEY = 0x5041_5249_4458L; // "PARIDX"
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final AgroalDataSource dataSource;
    private final boolean enabled;

    public SeedLoader(AgroalDataSource dataSource, RegistrySettings settings) {
        this.dataSource = dataSource;
        this.enabled = settings.seed().enabled();
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (enabled) {
            loadIfAbsent();
        }
    }

    /** Loads the seed unless it is already there; returns whether it loaded. */
    public boolean loadIfAbsent() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM registry_seed WHERE name = '" + SEED_NAME + "'")) {
                    if (rs.next()) {
                        c.rollback();
                        return false;
                    }
                }
            }
            Plan plan = plan();
            long[] eventIds = reserveIds(c, "unit_event_id_seq", plan.events().size());
            copy(
                    c,
                    "unit_event (id, kind, effective_date, legal_basis, description, source, recorded_by)",
                    eventRows(plan, eventIds));
            copy(
                    c,
                    "unit_version (code, name, type, level, parent_code, valid_from, valid_to, opened_by_event,"
                            + " closed_by_event, search_name, search_bare, tone_key)",
                    versionRows(plan, eventIds));
            copy(
                    c,
                    "lineage_edge (event_id, predecessor_code, successor_code, part, derived)",
                    edgeRows(plan, eventIds));
            long millis = (System.nanoTime() - started) / 1_000_000;
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO registry_seed (name, versions, events, edges, millis) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, SEED_NAME);
                p.setInt(2, plan.versions().size());
                p.setInt(3, plan.events().size());
                p.setInt(4, plan.edges().size());
                p.setLong(5, millis);
                p.executeUpdate();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE unit_version; ANALYZE lineage_edge; ANALYZE unit_event");
            }
            LOG.infof(
                    "Seeded %d unit versions, %d change events and %d lineage edges in %d ms",
                    plan.versions().size(), plan.events().size(), plan.edges().size(), millis);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the unit seed failed; nothing was stored", e);
        }
    }

    static Plan plan() {
        List<UnitAttributes> before = SeedData.units("units_2024.csv");
        List<UnitAttributes> after = SeedData.units("units_2025.csv");
        Map<String, String> provinceNames = new LinkedHashMap<>();
        after.stream().filter(u -> u.level() == Level.PROVINCE).forEach(u -> provinceNames.put(u.code(), u.name()));
        return TransitionPlanner.plan(
                before, after, SeedData.lineage2025(), REFORM_DATE, new ReformLegalBasis(provinceNames));
    }

    private static List<String> eventRows(Plan plan, long[] ids) {
        List<String> rows = new ArrayList<>(plan.events().size());
        for (int i = 0; i < plan.events().size(); i++) {
            PlannedEvent e = plan.events().get(i);
            rows.add(line(
                    String.valueOf(ids[i]),
                    e.kind().name(),
                    e.effectiveDate().toString(),
                    e.legalBasis(),
                    e.description(),
                    "SEED",
                    "seed"));
        }
        return rows;
    }

    private static List<String> versionRows(Plan plan, long[] eventIds) {
        // A version closed on the day before an event is closed by the event that opened its successor.
        Map<String, Long> closingEvent = new LinkedHashMap<>();
        for (PlannedEdge edge : plan.edges()) {
            closingEvent.putIfAbsent(edge.predecessorCode(), eventIds[edge.event()]);
        }
        List<String> rows = new ArrayList<>(plan.versions().size());
        for (PlannedVersion v : plan.versions()) {
            UnitAttributes u = v.unit();
            String opened = v.openedByEvent() == null ? null : String.valueOf(eventIds[v.openedByEvent()]);
            Long closed = v.validTo() == null ? null : closingEvent.get(u.code());
            rows.add(line(
                    u.code(),
                    u.name(),
                    u.type(),
                    u.level().name(),
                    u.parentCode(),
                    v.validFrom() == null ? null : v.validFrom().toString(),
                    v.validTo() == null ? null : v.validTo().toString(),
                    opened,
                    closed == null ? null : closed.toString(),
                    NameFolding.fold(u.name()),
                    NameFolding.foldBare(u.name()),
                    NameFolding.toneKey(u.name())));
        }
        return rows;
    }

    private static List<String> edgeRows(Plan plan, long[] eventIds) {
        List<String> rows = new ArrayList<>(plan.edges().size());
        for (PlannedEdge e : plan.edges()) {
            rows.add(line(
                    String.valueOf(eventIds[e.event()]),
                    e.predecessorCode(),
                    e.successorCode(),
                    e.part().name(),
                    e.derived() ? "t" : "f"));
        }
        return rows;
    }

    private static long[] reserveIds(Connection c, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement p =
                c.prepareStatement("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)")) {
            p.setInt(1, count);
            try (ResultSet rs = p.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    ids[i++] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void copy(Connection c, String target, List<String> rows) throws SQLException {
        StringBuilder data = new StringBuilder(rows.size() * 96);
        rows.forEach(r -> data.append(r).append('\n'));
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of COPY's text format. */
    private static String line(String... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            String v = values[i];
            if (v == null) {
                sb.append("\\N");
            } else {
                sb.append(v.replace("\\", "\\\\")
                        .replace("\t", "\\t")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r"));
            }
        }
        return sb.toString();
    }
}
