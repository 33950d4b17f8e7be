package vn.parindex.dossier.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.common.api.VietnamTime;

/**
 * Creates the dossier table's monthly partitions ahead of the rows that need them, through the SQL function
 * {@code dossier_ensure_partitions} (V7): at startup for the previous month, this one and
 * {@code parindex.dossier.partitions-ahead} months ahead, and before each ingestion chunk for the months its rows
 * are received in. Each call is a short transaction of its own on its own connection, with a lock timeout: the
 * DDL never waits behind (or holds up) a batch's long transaction. A month it could not create in time, or one
 * further ahead than the setting, is stored in the DEFAULT partition and moved out when its partition is made.
 */
@ApplicationScoped
public class DossierPartitions implements ChunkWriter.Partitions {

    private static final Logger LOG = Logger.getLogger(DossierPartitions.class);

    private final AgroalDataSource dataSource;
    private final int ahead;
    /** Months whose partition is known to exist (created or checked by this process). */
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public DossierPartitions(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "parindex.dossier.partitions-ahead", defaultValue = "3") int ahead) {
        this.dataSource = dataSource;
        this.ahead = ahead;
    }

    void atStartup(@Observes StartupEvent event) {
        YearMonth now = YearMonth.from(VietnamTime.today());
        TreeSet<YearMonth> months = new TreeSet<>();
        for (YearMonth m = now.minusMonths(1); !m.isAfter(now.plusMonths(ahead)); m = m.plusMonths(1)) {
            months.add(m);
        }
        int created = ensure(months);
        LOG.infof("Dossier partitions: %d created, %s to %s present", created, months.first(), months.last());
    }

    /**
     * Makes sure the months' partitions exist (those up to {@code partitions-ahead} months ahead of today); returns
     * how many were created. A failure (lock timeout) is logged: the rows then go to the DEFAULT partition.
     */
    @Override
    public int ensure(Collection<YearMonth> months) {
        YearMonth last = YearMonth.from(VietnamTime.today()).plusMonths(ahead);
        int created = 0;
        for (YearMonth m : new TreeSet<>(months)) {
            if (m.isAfter(last) || known.contains(m)) {
                continue;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("SET lock_timeout = '3s'");
                }
                try (PreparedStatement s = c.prepareStatement("SELECT dossier_ensure_partitions(?, ?)")) {
                    s.setObject(1, m.atDay(1));
                    s.setObject(2, m.atEndOfMonth());
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        created += rs.getInt(1);
                    }
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("RESET lock_timeout");
                    }
                }
                known.add(m);
            } catch (SQLException e) {
                LOG.warnf(
                        "Dossier partition of %s not created now (%s): its rows go to the default partition",
                        m, e.getMessage());
            }
        }
        return created;
    }

    /** Forgets what it knew (a partition was detached for archive). */
    public void forget() {
        known.clear();
    }
}
