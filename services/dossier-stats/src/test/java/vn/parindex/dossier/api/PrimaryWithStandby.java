package vn.parindex.dossier.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.parindex.test.postgres.StandbyPostgres;

/**
 * An embedded PostgreSQL primary and a real streaming standby of it ({@link StandbyPostgres}, from the same
 * binaries): the service writes to the primary and reads statistics from the standby (datasource {@code replica}).
 */
public class PrimaryWithStandby implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres primary;
    private StandbyPostgres standby;

    @Override
    public Map<String, String> start() {
        try {
            primary = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = primary.getJdbcUrl("postgres", "postgres");
        standby = StandbyPostgres.start(url, "postgres", "postgres");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.replica.jdbc.url", standby.jdbcUrl("postgres"),
                "quarkus.datasource.replica.username", "postgres",
                "quarkus.datasource.replica.password", "postgres");
    }

    @Override
    public void stop() {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            try {
                primary.close();
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }
}
