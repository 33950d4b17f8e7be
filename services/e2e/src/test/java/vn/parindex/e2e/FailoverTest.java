package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the registry behind a gateway, on the shared set's PostgreSQL: real processes (the registry's and
 * the gateway's jars), the gateway told of both ({@code PARINDEX_GATEWAY_UPSTREAMS_UNIT_REGISTRY_INSTANCES}). Several
 * threads read through the gateway without pause while one creates peer groups through it; one replica is killed
 * ({@code kill -9}, {@link Process#destroyForcibly()}) mid-run. No read may fail; every write answers 201 or a 503
 * that says what happened ({@code UPSTREAM_WRITE_UNCONFIRMED}: it may have been stored; {@code SERVICE_UNAVAILABLE});
 * in the database every group answered 201 is there, nothing else but a group answered 503, and every stored group
 * has all its members (one transaction: never half-stored). Also: a unit created through one replica is read from
 * the other within its read model's poll interval. Leaves the shared set untouched (its own processes and ports).
 */
@Order(Integer.MAX_VALUE - 2)
class FailoverTest {

    private static final int READERS = 4;
    private static final Duration BEFORE_KILL = Duration.ofSeconds(4);
    private static final Duration AFTER_KILL = Duration.ofSeconds(8);
    private static final String RUN =
            Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    private static final List<Process> STARTED = new ArrayList<>();
    private static Path logs;
    private static int replicaA;
    private static int replicaB;
    private static String gateway;
    private static Process a;
    private static String adminToken;

    @BeforeAll
    static void startTwoRegistriesAndAGateway() throws Exception {
        healthySet();
        adminToken = token("admin");
        logs = Clients.ROOT.resolve("services/e2e/target/failover");
        Files.createDirectories(logs);
        replicaA = freePort();
        replicaB = freePort();
        a = registry("a", replicaA);
        registry("b", replicaB);
        awaitReady("http://localhost:" + replicaA + "/q/health/ready");
        awaitReady("http://localhost:" + replicaB + "/q/health/ready");
        int edge = freePort();
        int own = freePort();
        start(
                "gateway",
                Clients.ROOT.resolve("services/gateway/target/quarkus-app/quarkus-run.jar"),
                Map.of(
                        "PARINDEX_GATEWAY_HTTP_PORT",
                        Integer.toString(edge),
                        "QUARKUS_HTTP_PORT",
                        Integer.toString(own),
                        "PARINDEX_GATEWAY_UPSTREAMS_UNIT_REGISTRY_INSTANCES",
                        "http://localhost:" + replicaA + ",http://localhost:" + replicaB,
                        "PARINDEX_GATEWAY_HEALTH_CHECK_INTERVAL",
                        "500ms",
                        // Tokens of the shared set's local issuer, checked against its keys.
                        "PARINDEX_AUTH_JWKS_URL",
                        Clients.GW + "/auth/jwks",
                        "PARINDEX_AUTH_LOCAL_ISSUER_ENABLED",
                        "false",
                        // One client reads as fast as it can: the per-client limit would answer 429.
                        "PARINDEX_GATEWAY_RATE_LIMIT_ENABLED",
                        "false",
                        // The test is about a dead replica, not a slow one: on 2 shared cores a live replica may
                        // pause for seconds (the gateway does not retry a request an instance stayed silent on).
                        "PARINDEX_GATEWAY_TIMEOUT",
                        "30s"));
        gateway = "http://localhost:" + edge;
        awaitReady(gateway + "/q/health/live");
        warmUp();
    }

    /** Cold JVMs answer their first requests slowly: both replicas serve reads and writes before the measured run. */
    private static void warmUp() throws Exception {
        for (int i = 0; i < 60; i++) {
            for (String path : List.of("/api/units/04252?asOf=2025-06-30", "/api/unit-groups/YB-DISTRICTS-2021")) {
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        for (int i = 0; i < 6; i++) {
            String body = "{\"code\":\"FW-" + RUN + "-" + i + "\",\"name\":\"Warm-up\",\"year\":2021,"
                    + "\"rule\":{\"parentCode\":\"15\",\"level\":\"DISTRICT\",\"asOf\":\"2021-12-31\"}}";
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/unit-groups"))
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (Process p : STARTED) {
            p.destroy();
        }
        for (Process p : STARTED) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void shouldLoseNoReadAndHalfStoreNoWriteWhenAReplicaIsKilled() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < READERS; t++) {
            String target = t % 2 == 0 ? "/api/units/04252?asOf=2025-06-30" : "/api/unit-groups/YB-DISTRICTS-2021";
            readers.add(Thread.ofPlatform().name("reader-" + t).start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = HTTP.send(
                                HttpRequest.newBuilder(URI.create(gateway + target))
                                        .timeout(Duration.ofSeconds(40))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        reads.incrementAndGet();
                        if (r.statusCode() != 200) {
                            failedReads.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failedReads.add(e.toString());
                    }
                }
            }));
        }
        Map<String, Integer> writes = new TreeMap<>(); // group code → status
        Map<String, String> unclear = new TreeMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            for (int i = 0; writing.get() && i < 500; i++) {
                String code = "FO-" + RUN + "-" + i;
                String body = "{\"code\":\"" + code + "\",\"name\":\"Failover " + code
                        + "\",\"year\":2021,\"rule\":{\"parentCode\":\"15\",\"level\":\"DISTRICT\",\"asOf\":\"2021-12-31\"}}";
                try {
                    HttpResponse<String> r = HTTP.send(
                            HttpRequest.newBuilder(URI.create(gateway + "/api/unit-groups"))
                                    .header("Authorization", "Bearer " + adminToken)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(40))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    synchronized (writes) {
                        writes.put(code, r.statusCode());
                    }
                    if (r.statusCode() != 201) {
                        unclear.put(code, r.statusCode() + " " + r.body());
                    }
                } catch (IOException | InterruptedException e) {
                    unclear.put(code, e.toString());
                    synchronized (writes) {
                        writes.put(code, -1);
                    }
                }
            }
        });

        Thread.sleep(BEFORE_KILL.toMillis());
        int readsBeforeKill = reads.get();
        a.destroyForcibly(); // SIGKILL: the process dies with its connections open, mid-request
        a.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(AFTER_KILL.toMillis());
        writing.set(false);
        writer.join(30_000);
        running.set(false);
        for (Thread reader : readers) {
            reader.join(30_000);
        }
        System.out.printf(
                "FAILOVER reads %d (%d before the kill), failed %d; writes %d: %s%n",
                reads.get(), readsBeforeKill, failedReads.size(), writes.size(), countByStatus(writes));

        assertTrue(reads.get() > readsBeforeKill + 20, "reads went on after the kill: " + reads.get());
        assertEquals(List.of(), List.copyOf(failedReads).subList(0, Math.min(5, failedReads.size())), "failed GETs");
        assertEquals(0, failedReads.size(), "failed GETs");
        // Every write is a 201, or a 503 that says what happened.
        for (Map.Entry<String, String> w : unclear.entrySet()) {
            int status = writes.get(w.getKey());
            assertEquals(503, status, w.getKey() + ": " + w.getValue());
            JsonNode problem = JSON.readTree(w.getValue().substring(4));
            assertTrue(
                    Set.of("UPSTREAM_WRITE_UNCONFIRMED", "SERVICE_UNAVAILABLE")
                            .contains(problem.path("code").asText()),
                    w.getValue());
        }
        assertTrue(writes.values().stream().filter(s -> s == 201).count() > 2, "writes went through: " + writes);

        // In the database: every 201 is there, nothing but 201s and 503s, and every group whole.
        Map<String, Integer> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + RunningSet.postgresPort() + "/unit_registry",
                        "postgres",
                        "postgres");
                PreparedStatement s = c.prepareStatement("SELECT g.code, count(m.unit_code) FROM unit_group g"
                        + " LEFT JOIN unit_group_member m ON m.group_code = g.code WHERE g.code LIKE ?"
                        + " GROUP BY g.code")) {
            s.setString(1, "FO-" + RUN + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Set<String> created = new TreeSet<>();
        writes.forEach((code, status) -> {
            if (status == 201) {
                created.add(code);
            }
        });
        Set<String> missing = new TreeSet<>(created);
        missing.removeAll(stored.keySet());
        assertEquals(Set.of(), missing, "answered 201 but not stored");
        for (String code : stored.keySet()) {
            assertTrue(writes.containsKey(code), code + " stored but never asked for");
        }
        Set<Integer> memberCounts = new TreeSet<>(stored.values());
        assertEquals(1, memberCounts.size(), "every stored group has all its members: " + stored);
        assertTrue(memberCounts.iterator().next() > 0);
        System.out.printf(
                "FAILOVER stored %d groups (%d answered 201, %d answered 503), %d members each%n",
                stored.size(),
                created.size(),
                unclear.size(),
                memberCounts.iterator().next());
    }

    @Test
    void shouldServeAUnitCreatedThroughOneReplicaFromTheOther() throws Exception {
        // Both replicas may not be alive (the other test kills one): create through the survivor, read from it and
        // through the gateway; when both live, read from each.
        String code = "15.FO" + RUN;
        String body = "{\"code\":\"" + code + "\",\"name\":\"Sở Thử nghiệm " + RUN
                + "\",\"type\":\"sở\",\"level\":\"AGENCY\",\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/units"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        List<String> replicas = new ArrayList<>();
        for (int port : List.of(replicaA, replicaB)) {
            if (listening(port)) {
                replicas.add("http://localhost:" + port);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (String replica : replicas) {
            int status;
            do {
                status = HTTP.send(
                                HttpRequest.newBuilder(URI.create(replica + "/api/units/" + code + "?asOf=2025-07-02"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status, replica + " reads the unit created through the gateway (read-model poll)");
        }
    }

    private static Map<Integer, Long> countByStatus(Map<String, Integer> writes) {
        Map<Integer, Long> counts = new TreeMap<>();
        synchronized (writes) {
            writes.values().forEach(s -> counts.merge(s, 1L, Long::sum));
        }
        return counts;
    }

    private static Process registry(String name, int port) throws IOException {
        return start(
                "unit-registry-" + name,
                Clients.ROOT.resolve("services/unit-registry/target/quarkus-app/quarkus-run.jar"),
                Map.of(
                        "QUARKUS_HTTP_PORT", Integer.toString(port),
                        "QUARKUS_DATASOURCE_JDBC_URL",
                                "jdbc:postgresql://localhost:" + RunningSet.postgresPort() + "/unit_registry",
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                        "PARINDEX_DEMO_DATA", "false"));
    }

    private static Process start(String name, Path jar, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": package the services first (./mvnw package)");
        }
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-Xmx512m",
                        "-jar",
                        jar.toString())
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        STARTED.add(p);
        return p;
    }

    private static void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " not ready within 120 s; logs in " + logs);
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
