package vn.parindex.launcher;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One service the launcher runs: its name (also its module folder under {@code services/}), HTTP port, own
 * database (absent for services without persistent state, such as the gateway) and runnable jar.
 *
 * @param jar path of the runnable jar, relative to the repository root
 */
public record ServiceDefinition(String name, int port, Optional<String> database, Path jar) {

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jar, "jar");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        database.ifPresent(DatabaseServer::requireValidDatabaseName);
    }

    /** A Quarkus service built as a fast-jar by {@code ./mvnw package} in {@code services/<name>}. */
    public static ServiceDefinition quarkus(String name, int port, String database) {
        return new ServiceDefinition(name, port, Optional.of(database), quarkusRunJar(name));
    }

    /** A Quarkus service that keeps nothing in PostgreSQL. */
    public static ServiceDefinition quarkusWithoutDatabase(String name, int port) {
        return new ServiceDefinition(name, port, Optional.empty(), quarkusRunJar(name));
    }

    private static Path quarkusRunJar(String name) {
        return Path.of("services", name, "target", "quarkus-app", "quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path jarIn(Path repoRoot) {
        return repoRoot.resolve(jar);
    }
}
