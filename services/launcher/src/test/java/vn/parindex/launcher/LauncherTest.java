package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static final Path HOME = Path.of("/data/parindex");

    private final DatabaseServer database = new DatabaseServer("jdbc:postgresql://localhost:55432/", "u", "p");

    @Test
    void serviceGetsItsDatabaseAndPortThroughQuarkusEnvironmentVariables() {
        Map<String, String> env = Launcher.childEnvironment(
                ServiceDefinition.quarkus("unit-registry", 8081, "unit_registry"), database, HOME);

        assertEquals(
                Map.of(
                        "QUARKUS_HTTP_PORT", "8081",
                        "PARINDEX_DEMO_DATA", System.getenv().getOrDefault("PARINDEX_DEMO_DATA", "true"),
                        "QUARKUS_REST_CLIENT_UNIT_REGISTRY_URL", "http://localhost:8081",
                        "QUARKUS_REST_CLIENT_CRITERIA_CATALOGUE_URL", "http://localhost:8082",
                        "QUARKUS_REST_CLIENT_DOSSIER_STATS_URL", "http://localhost:8084",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:55432/unit_registry",
                        "QUARKUS_DATASOURCE_USERNAME", "u",
                        "QUARKUS_DATASOURCE_PASSWORD", "p"),
                env);
    }

    @Test
    void gatewayGetsItsTwoPortsNoDatabaseAndTheLocalIssuerWithItsKeyUnderTheDataFolder() {
        Map<String, String> env =
                Launcher.childEnvironment(ServiceDefinition.quarkusWithoutDatabase("gateway", 8080), database, HOME);

        assertEquals(
                Map.ofEntries(
                        Map.entry("PARINDEX_GATEWAY_HTTP_PORT", "8080"),
                        Map.entry("QUARKUS_HTTP_PORT", "8079"),
                        Map.entry("PARINDEX_DEMO_DATA", System.getenv().getOrDefault("PARINDEX_DEMO_DATA", "true")),
                        Map.entry("QUARKUS_REST_CLIENT_UNIT_REGISTRY_URL", "http://localhost:8081"),
                        Map.entry("QUARKUS_REST_CLIENT_CRITERIA_CATALOGUE_URL", "http://localhost:8082"),
                        Map.entry("QUARKUS_REST_CLIENT_DOSSIER_STATS_URL", "http://localhost:8084"),
                        Map.entry(
                                "PARINDEX_AUTH_LOCAL_ISSUER_ENABLED",
                                System.getenv().getOrDefault("PARINDEX_AUTH_LOCAL_ISSUER_ENABLED", "true")),
                        Map.entry(
                                "PARINDEX_AUTH_LOCAL_ISSUER_KEY_FILE",
                                HOME.resolve("keys/local-issuer.pem").toString())),
                env);
    }

    @Test
    void otherServicesGetNoIssuerSettings() {
        Map<String, String> env =
                Launcher.childEnvironment(ServiceDefinition.quarkus("scoring", 8083, "scoring"), database, HOME);

        assertFalse(env.containsKey("PARINDEX_AUTH_LOCAL_ISSUER_ENABLED"));
        assertFalse(env.containsKey("PARINDEX_AUTH_LOCAL_ISSUER_KEY_FILE"));
    }

    @Test
    void addressesStartWithThePortalThenTheGatewayAndItsSwaggerUi() {
        String text = Launcher.serviceAddresses(ServiceTable.SERVICES);
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();

        assertTrue(lines.get(0).contains("Portal") && lines.get(0).contains("http://localhost:8080/ "), text);
        assertTrue(lines.get(1).contains("Gateway") && lines.get(1).contains("http://localhost:8080/api"), text);
        assertTrue(
                lines.get(2).contains("Swagger UI") && lines.get(2).contains("http://localhost:8080/q/swagger-ui"),
                text);
        assertTrue(text.contains("http://localhost:8080/q/openapi"), text);
        assertTrue(text.contains("http://localhost:8080/auth/token"), text);
        assertTrue(text.indexOf("unit-registry") > text.indexOf("Swagger UI"), text);
        assertEquals(1, text.split("Gateway", -1).length - 1, "the gateway is listed once: " + text);
    }

    @Test
    void serviceRunsOnTheLaunchersJavaWithTheConfiguredOptions() {
        List<String> command =
                ServiceProcess.command("/jdk/bin/java", List.of("-Xmx512m", "-XX:+UseSerialGC"), Path.of("/a/b.jar"));

        assertEquals(List.of("/jdk/bin/java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", "/a/b.jar"), command);
        assertTrue(Path.of(Launcher.javaCommand()).isAbsolute());
    }

    @Test
    void helpNamesTheServicesTheBuildCommandAndEveryVariable() {
        String usage = Launcher.usage();

        assertTrue(usage.contains("unit-registry (8081)"), usage);
        assertTrue(usage.contains("gateway (8080)"), usage);
        assertTrue(usage.contains(Launcher.BUILD_COMMAND), usage);
        for (String variable : List.of(
                "PARINDEX_ROOT",
                "PARINDEX_HOME",
                "PARINDEX_DB_URL",
                "PARINDEX_DB_USER",
                "PARINDEX_DB_PASSWORD",
                "PARINDEX_PG_PORT",
                "PARINDEX_JAVA_OPTS",
                "PARINDEX_READY_TIMEOUT",
                "PARINDEX_DEMO_DATA",
                "PARINDEX_DEMO_WAIT",
                "PARINDEX_INVENTORY_TIMEOUT",
                "PARINDEX_AUTH_LOCAL_ISSUER_ENABLED")) {
            assertTrue(usage.contains(variable), variable);
        }
    }

    @Test
    void unknownArgumentsAreRejected() {
        assertEquals(2, Launcher.run(new String[] {"--nope"}));
        assertEquals(0, Launcher.run(new String[] {"--help"}));
    }
}
