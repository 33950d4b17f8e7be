package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsNeedNoEnvironment() throws IOException {
        Path root = repo(tmp.resolve("repo"));

        LauncherConfig config = LauncherConfig.fromEnvironment(Map.of(), root, Optional.empty());

        assertEquals(root, config.repoRoot());
        assertEquals(root.resolve(".parindex"), config.home());
        assertEquals(root.resolve(".parindex/pgdata"), config.dataDirectory());
        assertEquals(root.resolve(".parindex/logs"), config.logDirectory());
        assertTrue(config.externalDatabase().isEmpty());
        assertEquals(55432, config.embeddedPostgresPort());
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), config.javaOptions());
        assertEquals(Duration.ofSeconds(180), config.readyTimeout());
        assertTrue(config.demoData());
        assertEquals(Duration.ofSeconds(600), config.inventoryTimeout());
    }

    @Test
    void demoDataIsOffAsQuarkusReadsIt() {
        for (String off : List.of("false", "FALSE", "0", "no", "off")) {
            assertEquals(
                    false,
                    LauncherConfig.fromEnvironment(Map.of("PARINDEX_DEMO_DATA", off), tmp, Optional.empty())
                            .demoData(),
                    off);
        }
        assertTrue(LauncherConfig.fromEnvironment(Map.of("PARINDEX_DEMO_DATA", "yes"), tmp, Optional.empty())
                .demoData());
    }

    @Test
    void everyValueCanBeOverridden() {
        Map<String, String> env = Map.of(
                "PARINDEX_ROOT", "/srv/parindex",
                "PARINDEX_HOME", "state",
                "PARINDEX_DB_URL", "jdbc:postgresql://db:5432/",
                "PARINDEX_DB_USER", "parindex",
                "PARINDEX_DB_PASSWORD", "secret",
                "PARINDEX_PG_PORT", "6543",
                "PARINDEX_JAVA_OPTS", "  -Xmx1g   -Dfoo=bar ",
                "PARINDEX_READY_TIMEOUT", "30",
                "PARINDEX_INVENTORY_TIMEOUT", "90");

        LauncherConfig config = LauncherConfig.fromEnvironment(env, tmp, Optional.empty());

        assertEquals(Path.of("/srv/parindex"), config.repoRoot());
        assertEquals(tmp.resolve("state"), config.home(), "a relative home is relative to the working directory");
        DatabaseServer db = config.externalDatabase().orElseThrow();
        assertEquals("jdbc:postgresql://db:5432/", db.baseUrl());
        assertEquals("parindex", db.user());
        assertEquals("secret", db.password());
        assertEquals(6543, config.embeddedPostgresPort());
        assertEquals(List.of("-Xmx1g", "-Dfoo=bar"), config.javaOptions());
        assertEquals(Duration.ofSeconds(30), config.readyTimeout());
        assertEquals(Duration.ofSeconds(90), config.inventoryTimeout());
    }

    @Test
    void blankValuesCountAsUnset() {
        Map<String, String> env = Map.of("PARINDEX_DB_URL", " ", "PARINDEX_PG_PORT", "", "PARINDEX_JAVA_OPTS", "");

        LauncherConfig config = LauncherConfig.fromEnvironment(env, tmp, Optional.empty());

        assertTrue(config.externalDatabase().isEmpty());
        assertEquals(55432, config.embeddedPostgresPort());
        assertEquals(LauncherConfig.splitOptions(LauncherConfig.DEFAULT_JAVA_OPTS), config.javaOptions());
    }

    @Test
    void externalDatabaseUserDefaultsToPostgresWithEmptyPassword() {
        LauncherConfig config = LauncherConfig.fromEnvironment(
                Map.of("PARINDEX_DB_URL", "jdbc:postgresql://localhost/"), tmp, Optional.empty());

        DatabaseServer db = config.externalDatabase().orElseThrow();
        assertEquals("postgres", db.user());
        assertEquals("", db.password());
    }

    @Test
    void invalidValuesAreReportedByName() {
        assertMessageContains(Map.of("PARINDEX_PG_PORT", "abc"), "PARINDEX_PG_PORT must be a whole number");
        assertMessageContains(Map.of("PARINDEX_PG_PORT", "70000"), "PARINDEX_PG_PORT must be between 1 and 65535");
        assertMessageContains(Map.of("PARINDEX_READY_TIMEOUT", "0"), "PARINDEX_READY_TIMEOUT must be between");
        assertMessageContains(
                Map.of("PARINDEX_DB_URL", "postgres://db/"), "PARINDEX_DB_URL: not a PostgreSQL JDBC URL");
    }

    @Test
    void repoRootIsFoundAboveTheWorkingDirectory() throws IOException {
        Path root = repo(tmp.resolve("repo"));
        Path nested = Files.createDirectories(root.resolve("services/launcher"));

        LauncherConfig config = LauncherConfig.fromEnvironment(Map.of(), nested, Optional.empty());

        assertEquals(root, config.repoRoot());
    }

    @Test
    void repoRootFallsBackToTheLauncherJarsLocation() throws IOException {
        Path root = repo(tmp.resolve("repo"));
        Path jar = Files.createDirectories(root.resolve("services/launcher/target"))
                .resolve("parindex-launcher.jar");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        LauncherConfig config = LauncherConfig.fromEnvironment(Map.of(), elsewhere, Optional.of(jar));

        assertEquals(root, config.repoRoot());
    }

    @Test
    void repoRootFallsBackToTheWorkingDirectory() {
        assertEquals(
                tmp,
                LauncherConfig.fromEnvironment(Map.of(), tmp, Optional.empty()).repoRoot());
    }

    private void assertMessageContains(Map<String, String> env, String expected) {
        LaunchException e =
                assertThrows(LaunchException.class, () -> LauncherConfig.fromEnvironment(env, tmp, Optional.empty()));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }

    private static Path repo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("services"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return dir;
    }
}
