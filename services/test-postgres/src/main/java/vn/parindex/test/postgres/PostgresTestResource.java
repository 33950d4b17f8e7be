package vn.parindex.test.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL, choosing in this order:
 *
 * <ol>
 *   <li>a server named by the environment ({@code PARINDEX_TEST_DB_URL} with {@code _USER}/{@code _PASSWORD},
 *       or Quarkus' own {@code QUARKUS_DATASOURCE_JDBC_URL}); a fresh database is created on it per test run;
 *   <li>Testcontainers PostgreSQL when a Docker engine answers;
 *   <li>otherwise embedded PostgreSQL binaries shipped as a Maven artifact.
 * </ol>
 *
 * The system property or environment variable {@code parindex.test.db} ({@code PARINDEX_TEST_DB}) forces one
 * of {@code env}, {@code testcontainers}, {@code embedded}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);
    private static final String IMAGE = "postgres:17-alpine";

    private EmbeddedPostgres embedded;
    private PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        String mode = choose();
        LOG.infof("PostgreSQL for tests: %s", mode);
        return switch (mode) {
            case "env" -> fromEnvironment();
            case "testcontainers" -> fromTestcontainers();
            case "embedded" -> fromEmbedded();
            default ->
                throw new IllegalStateException(
                        "parindex.test.db must be env, testcontainers or embedded, not " + mode);
        };
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Could not stop embedded PostgreSQL cleanly", e);
            }
        }
    }

    private static String choose() {
        String forced = System.getProperty("parindex.test.db", System.getenv("PARINDEX_TEST_DB"));
        if (forced != null && !forced.isBlank()) {
            return forced.strip().toLowerCase(Locale.ROOT);
        }
        if (envUrl() != null) {
            return "env";
        }
        return dockerAnswers() ? "testcontainers" : "embedded";
    }

    private static String envUrl() {
        String url = System.getenv("PARINDEX_TEST_DB_URL");
        return url != null && !url.isBlank() ? url : System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private Map<String, String> fromEnvironment() {
        String url = envUrl();
        if (url == null) {
            throw new IllegalStateException("parindex.test.db=env but PARINDEX_TEST_DB_URL is not set");
        }
        String user =
                firstNonBlank(System.getenv("PARINDEX_TEST_DB_USER"), System.getenv("QUARKUS_DATASOURCE_USERNAME"));
        String password =
                firstNonBlank(System.getenv("PARINDEX_TEST_DB_PASSWORD"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        // Each run gets its own database so that tests never see (or destroy) someone else's data.
        String database =
                "parindex_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + url, e);
        }
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String testUrl = base.substring(0, base.lastIndexOf('/') + 1) + database;
        return config(testUrl, user, password);
    }

    private Map<String, String> fromTestcontainers() {
        container = new PostgreSQLContainer(IMAGE);
        container.start();
        return config(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private Map<String, String> fromEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
        return config(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user == null ? "" : user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
