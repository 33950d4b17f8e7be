package vn.parindex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak server of docker-compose (the distribution zip of the same 26.4 line, unpacked by Maven into
 * {@code services/e2e/target/keycloak-<version>}), started in dev mode with the repository's realm file imported:
 * {@code kc.sh start-dev --import-realm}, an in-memory database (every start imports the realm afresh), on free
 * ports. The hostname is fixed as in docker-compose, so every token says {@code iss=<url>/realms/parindex}.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "parindex";

    /** docker-compose's demo default for the console's administrator (KEYCLOAK_ADMIN_PASSWORD). */
    private static final String ADMIN = "admin";

    private static final String ADMIN_PASSWORD = "keycloak-demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Instant started = Instant.now();

    private KeycloakServer(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts Keycloak from {@code home} (the unpacked distribution) with the realm file of {@code root} imported.
     */
    static KeycloakServer start(Path root, Path home) throws IOException {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: the e2e module's build unpacks Keycloak"
                    + " (maven-dependency-plugin, org.keycloak:keycloak-quarkus-dist) before the tests");
        }
        Path realm = root.resolve("services/gateway/src/main/docker/keycloak/parindex-realm.json");
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        int managementPort = freePort();
        Path log = home.resolveSibling("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(
                        kc.toString(),
                        "start-dev",
                        "--import-realm",
                        "--db=dev-mem",
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--hostname=http://localhost:" + port,
                        "--health-enabled=true")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The JDK running the tests (kc.sh would otherwise look for java on the PATH).
        ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .map(java -> java.getParent().getParent())
                .ifPresent(javaHome -> pb.environment().put("JAVA_HOME", javaHome.toString()));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // A test server for a few minutes on shared cores: the client compiler only spends less CPU on the start
        // than the default tiered compilation (C2).
        pb.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return new KeycloakServer(pb.start(), log, port, managementPort);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** {@code iss} of the realm's tokens. */
    String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** The realm's JWK set. */
    String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** Waits for {@code /health/ready} on the management port; returns how long Keycloak took since its start. */
    Duration awaitReady(HttpClient http, Duration timeout) throws Exception {
        Instant until = started.plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + " (last: " + last + ")\n" + tail());
    }

    /** The answer of the realm's token endpoint to the password grant of the demo portal client. */
    HttpResponse<String> passwordGrant(HttpClient http, String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "parindex-portal",
                                "username",
                                user,
                                "password",
                                password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Rotates the realm's signing key as an operator would in the console: a new {@code rsa-generated} key provider
     * with a higher priority (Keycloak signs with it from now on), then the old RS256 providers removed (their keys
     * leave the JWK set).
     */
    void rotateSigningKey(HttpClient http) throws Exception {
        String admin = adminToken(http);
        String realmId = JSON.readTree(adminCall(http, admin, "GET", "", null, 200))
                .get("id")
                .asText();
        JsonNode providers = JSON.readTree(
                adminCall(http, admin, "GET", "/components?type=org.keycloak.keys.KeyProvider", null, 200));
        Map<String, Object> rotated = Map.of(
                "name",
                "rsa-rotated-e2e",
                "providerId",
                "rsa-generated",
                "providerType",
                "org.keycloak.keys.KeyProvider",
                "parentId",
                realmId,
                "config",
                Map.of(
                        "priority", List.of("200"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "keySize", List.of("2048")));
        adminCall(http, admin, "POST", "/components", JSON.writeValueAsString(rotated), 201);
        for (JsonNode provider : providers) {
            if (provider.path("providerId").asText().equals("rsa-generated")) {
                adminCall(
                        http,
                        admin,
                        "DELETE",
                        "/components/" + provider.get("id").asText(),
                        null,
                        204);
            }
        }
    }

    private String adminToken(HttpClient http) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                ADMIN,
                                "password",
                                ADMIN_PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's administrator token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private String adminCall(HttpClient http, String token, String method, String path, String body, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(
                    "Keycloak admin " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no Keycloak log)";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
