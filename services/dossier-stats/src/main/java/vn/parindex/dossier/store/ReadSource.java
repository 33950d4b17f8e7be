package vn.parindex.dossier.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where statistics are read: the read replica (the datasource {@code replica}, configured by
 * {@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL} with {@code _USERNAME} / {@code _PASSWORD}) when one is configured,
 * otherwise the primary. Writes always go to the primary. A replica's answers are as of its replay position:
 * {@link #lagMs} tells how far behind the primary it is.
 */
@ApplicationScoped
public class ReadSource {

    /** Which server answered. */
    public enum Name {
        PRIMARY,
        REPLICA;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final AgroalDataSource primary;
    private final AgroalDataSource replica;

    public ReadSource(
            AgroalDataSource primary,
            @ConfigProperty(name = "quarkus.datasource.replica.jdbc.url") Optional<String> replicaUrl) {
        this.primary = primary;
        this.replica = replicaUrl.filter(u -> !u.isBlank()).isPresent()
                ? Arc.container()
                        .select(AgroalDataSource.class, new DataSource.DataSourceLiteral("replica"))
                        .get()
                : null;
    }

    public AgroalDataSource dataSource() {
        return replica != null ? replica : primary;
    }

    public Name name() {
        return replica != null ? Name.REPLICA : Name.PRIMARY;
    }

    /**
     * How far the replica's data is behind the primary's, in milliseconds: 0 when it has replayed all it received,
     * otherwise the age of the last transaction it replayed; {@code null} when reads go to the primary.
     */
    public Long lagMs(Connection c) throws SQLException {
        if (replica == null) {
            return null;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
                        + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                        + " ELSE coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000), 0)"
                        + " END::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
