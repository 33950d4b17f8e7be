package vn.parindex.registry.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.parindex.registry.RegistrySettings;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitSnapshot;
import vn.parindex.registry.domain.UnitView;
import vn.parindex.registry.domain.UnitsChanged;

/**
 * Holds the current {@link UnitSnapshot}. PostgreSQL stays the source of truth and writes validate against it;
 * reads are answered from the snapshot. It is replaced after every committed change on this instance (so a
 * client reads its own writes), and, for changes made through other replicas, when the polled event revision
 * moves ({@code parindex.registry.read-model.poll-interval}, default 2 s).
 */
@ApplicationScoped
public class UnitReadModel {

    private static final Logger LOG = Logger.getLogger(UnitReadModel.class);

    private final AgroalDataSource dataSource;
    private final Duration pollInterval;
    private volatile UnitSnapshot snapshot;
    private ScheduledExecutorService poller;

    public UnitReadModel(AgroalDataSource dataSource, RegistrySettings settings) {
        this.dataSource = dataSource;
        this.pollInterval = settings.readModel().pollInterval();
    }

    /** After the seed (priority 100) so that the first picture holds it. */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        reload();
        if (!pollInterval.isZero()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "unit-read-model-poll");
                t.setDaemon(true);
                return t;
            });
            long millis = pollInterval.toMillis();
            poller.scheduleWithFixedDelay(this::reloadIfMoved, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) UnitsChanged change) {
        reload();
    }

    public UnitSnapshot current() {
        UnitSnapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }

    private void reloadIfMoved() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM unit_event")) {
            rs.next();
            UnitSnapshot current = snapshot;
            if (current == null || rs.getLong(1) != current.revision()) {
                reload();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not check the unit revision: %s", e.getMessage());
        }
    }

    /** Reads revision and versions in one repeatable-read transaction, so they describe the same state. */
    public synchronized void reload() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            long revision;
            List<UnitView> versions = new ArrayList<>(16_384);
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM unit_event")) {
                    rs.next();
                    revision = rs.getLong(1);
                }
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery("SELECT code, name, type, level, parent_code, valid_from, valid_to,"
                        + " search_name, search_bare, tone_key FROM unit_version")) {
                    while (rs.next()) {
                        java.sql.Date from = rs.getDate(6);
                        java.sql.Date to = rs.getDate(7);
                        versions.add(new UnitView(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                Level.valueOf(rs.getString(4)),
                                rs.getString(5),
                                from == null ? null : from.toLocalDate(),
                                to == null ? null : to.toLocalDate(),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10)));
                    }
                }
            }
            c.commit();
            snapshot = new UnitSnapshot(revision, versions);
            LOG.debugf(
                    "Unit read model: %d versions at revision %d in %d ms",
                    versions.size(), revision, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the unit read model", e);
        }
    }
}
