package vn.parindex.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings read from the environment. Every one has a default that works on a fresh checkout:
 *
 * <ul>
 *   <li>{@code PARINDEX_ROOT}: repository root; default: the nearest folder, from the working directory
 *       (or else the launcher jar) upwards, that holds {@code pom.xml} and {@code services/}.
 *   <li>{@code PARINDEX_HOME}: where data and logs go; default {@code <root>/.parindex}.
 *   <li>{@code PARINDEX_DB_URL}: base JDBC URL of an external PostgreSQL server (e.g.
 *       {@code jdbc:postgresql://db:5432/}); default: none, start an embedded one.
 *   <li>{@code PARINDEX_DB_USER} / {@code PARINDEX_DB_PASSWORD}: credentials for that server; default
 *       {@code postgres} / empty.
 *   <li>{@code PARINDEX_PG_PORT}: port of the embedded PostgreSQL; default 55432 (off 5432, so it does not
 *       collide with a PostgreSQL installed on the machine).
 *   <li>{@code PARINDEX_JAVA_OPTS}: JVM options for every service, split on spaces; default
 *       {@value #DEFAULT_JAVA_OPTS}.
 *   <li>{@code PARINDEX_READY_TIMEOUT}: seconds to wait for each service's readiness; default 180.
 *   <li>{@code PARINDEX_DEMO_DATA}: whether the services load demo data; default true ({@code false}, {@code 0},
 *       {@code no}, {@code off} turn it off, as Quarkus reads the same variable in each service).
 *   <li>{@code PARINDEX_INVENTORY_TIMEOUT}: seconds to wait, once everything is ready, for the demo data before the
 *       inventory is printed; default 600.
 * </ul>
 *
 * Empty values count as unset, so {@code PARINDEX_DB_URL=} in a compose file or CI script means "embedded".
 */
public record LauncherConfig(
        Path repoRoot,
        Path home,
        Optional<DatabaseServer> externalDatabase,
        int embeddedPostgresPort,
        List<String> javaOptions,
        Duration readyTimeout,
        boolean demoData,
        Duration inventoryTimeout) {

    static final int DEFAULT_PG_PORT = 55432;

    /**
     * Several service JVMs share two cores or so: the serial collector has no background GC threads to compete,
     * and 512 MB caps each heap well above a service's working set (about 250 MB RSS). A JVM out of memory exits,
     * so the launcher sees it and starts it again instead of serving from a broken process.
     */
    static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xmx512m -XX:+ExitOnOutOfMemoryError";

    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * Dossier statistics waits up to 5 minutes for the registry (parindex.demo.wait) and then loads; scoring
     * publishes its campaigns after the registry and the catalogue answer: 10 minutes covers both on a slow machine.
     */
    static final Duration DEFAULT_INVENTORY_TIMEOUT = Duration.ofSeconds(600);

    public Path dataDirectory() {
        return home.resolve("pgdata");
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    /**
     * Reads the settings.
     *
     * @param workingDirectory the launcher's working directory; relative paths resolve against it
     * @param launcherJar where the launcher runs from, a fallback for finding the repository root
     * @throws LaunchException with a message fit for the user when a value is invalid
     */
    public static LauncherConfig fromEnvironment(
            Map<String, String> env, Path workingDirectory, Optional<Path> launcherJar) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Path root = value(env, "PARINDEX_ROOT")
                .map(path -> cwd.resolve(path).normalize())
                .or(() -> findRepoRoot(cwd))
                .or(() -> launcherJar.flatMap(jar -> findRepoRoot(jar.toAbsolutePath())))
                .orElse(cwd);
        Path home = value(env, "PARINDEX_HOME")
                .map(path -> cwd.resolve(path).normalize())
                .orElse(root.resolve(".parindex"));

        Optional<DatabaseServer> external = value(env, "PARINDEX_DB_URL").map(url -> {
            try {
                return new DatabaseServer(
                        url,
                        value(env, "PARINDEX_DB_USER").orElse("postgres"),
                        env.getOrDefault("PARINDEX_DB_PASSWORD", ""));
            } catch (IllegalArgumentException e) {
                throw new LaunchException("PARINDEX_DB_URL: " + e.getMessage());
            }
        });

        int pgPort = value(env, "PARINDEX_PG_PORT")
                .map(text -> parseInt("PARINDEX_PG_PORT", text, 1, 65535))
                .orElse(DEFAULT_PG_PORT);
        List<String> javaOptions = splitOptions(value(env, "PARINDEX_JAVA_OPTS").orElse(DEFAULT_JAVA_OPTS));
        Duration readyTimeout = value(env, "PARINDEX_READY_TIMEOUT")
                .map(text -> Duration.ofSeconds(parseInt("PARINDEX_READY_TIMEOUT", text, 1, 86_400)))
                .orElse(DEFAULT_READY_TIMEOUT);

        boolean demoData = value(env, "PARINDEX_DEMO_DATA")
                .map(text -> List.of("true", "1", "yes", "y", "on").contains(text.toLowerCase(java.util.Locale.ROOT)))
                .orElse(true);
        Duration inventoryTimeout = value(env, "PARINDEX_INVENTORY_TIMEOUT")
                .map(text -> Duration.ofSeconds(parseInt("PARINDEX_INVENTORY_TIMEOUT", text, 1, 86_400)))
                .orElse(DEFAULT_INVENTORY_TIMEOUT);

        return new LauncherConfig(root, home, external, pgPort, javaOptions, readyTimeout, demoData, inventoryTimeout);
    }

    /** The nearest folder at or above {@code start} that looks like this repository. */
    static Optional<Path> findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("services"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** Plain whitespace splitting: JVM options with spaces inside one value are not supported. */
    static List<String> splitOptions(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static int parseInt(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new LaunchException(name + " must be between " + min + " and " + max + ", was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a whole number, was '" + text + "'");
        }
    }
}
