package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults the set survives, on the set started as the README starts it (run after the journeys, before the fuzz suite: they kill, freeze and restart
 * parts of the shared set, and leave it healthy): dossier statistics killed ({@code kill -9}) in the middle of a
 * large import, a dependency frozen ({@code kill -STOP}) under a write that needs it, and PostgreSQL stopped and
 * started again under load. Each prints what it measured ({@code FAULT …} lines in the test output); the numbers
 * are in docs/operations.md, "Faults survived".
 */
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTest {

    /** Rows of the large import; {@code -Dparindex.fault.rows=…} to try another size. */
    private static final int ROWS = Integer.getInteger("parindex.fault.rows", 1_000_000);

    /** Rows of the batch committed before the killed one. */
    private static final int COMMITTED_FIRST = ROWS / 10;

    /** Rows per chunk of dossier statistics' batch writer (ChunkWriter.MAX_ROWS). */
    private static final int CHUNK = 200_000;

    private static final String SOURCE = "E2E-FAULT";
    private static final String REGISTRY = "http://localhost:8081";
    private static final String SCORING = "http://localhost:8083";
    private static final String DOSSIERS = "http://localhost:8084";

    private static RunningSet set;
    private static Path root;
    private static String admin;
    private static List<String> communes;

    @BeforeAll
    static void startTheSet() throws Exception {
        root = Clients.ROOT;
        set = healthySet();
        // No fault while the demo data is loading: the other tests read it.
        set.await(HTTP, DOSSIERS + "/q/health/group/demo-data", body -> true, Duration.ofMinutes(8));
        set.await(HTTP, GW + "/api/rankings/YB-DIST-2021", body -> true, Duration.ofMinutes(5));
        admin = token("admin");
        // Communes of the registry's 2025 seed, valid from 2025-07-01.
        communes =
                Files.readAllLines(root.resolve("services/unit-registry/src/main/resources/seed/units/units_2025.csv"))
                        .stream()
                        .map(line -> line.split(","))
                        .filter(f -> f.length >= 4 && f[3].equals("commune"))
                        .map(f -> f[0])
                        .limit(300)
                        .toList();
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            procedures.add(Map.of(
                    "code",
                    procedure(i),
                    "name",
                    "Thủ tục thử lỗi " + i,
                    "field",
                    "Kiểm thử",
                    "authorityLevel",
                    "COMMUNE",
                    "deadlineWorkingDays",
                    3 + i % 10,
                    "serviceLevel",
                    i % 2 == 0 ? "FULL" : "PARTIAL"));
        }
        HttpResponse<String> put = send("PUT", DOSSIERS + "/api/procedures", JSON.writeValueAsString(procedures));
        assertEquals(200, put.statusCode(), put.body());
    }

    private long testStarted;

    @BeforeEach
    void startClock() {
        testStarted = System.nanoTime();
    }

    @AfterEach
    void reportTime(TestInfo test) {
        log("%s took %.1f s", test.getTestMethod().orElseThrow().getName(), seconds(testStarted));
    }

    /**
     * {@code kill -9} of dossier statistics while it stores a large batch (after at least two chunks were handed to
     * the writer): the launcher starts it again; the batch committed before is all there and nothing of the killed
     * one (a batch is one transaction, so no half chunk); sending the whole file again stores every row once.
     */
    @Test
    @Order(1)
    void dossierStatisticsKilledDuringALargeImportLosesNothingCommittedAndStoresNothingHalf() throws Exception {
        Path dir = Files.createDirectories(root.resolve("services/e2e/target/fault"));
        Path all = dir.resolve("dossiers-all.ndjson");
        Path first = dir.resolve("dossiers-first.ndjson");
        long t0 = System.nanoTime();
        writeDossiers(all, 0, ROWS);
        writeDossiers(first, 0, COMMITTED_FIRST);
        log("generated %,d rows (%,d MB) in %.1f s", ROWS, Files.size(all) >> 20, seconds(t0));

        long t1 = System.nanoTime();
        JsonNode committed = batch(first);
        log("first batch: %,d rows committed in %.1f s", COMMITTED_FIRST, seconds(t1));
        assertEquals(COMMITTED_FIRST, committed.get("inserted").asLong(), committed.toString());
        assertEquals(COMMITTED_FIRST, storedDossiers());

        ProcessHandle before = set.service("dossier-stats").orElseThrow();
        long t2 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> killed =
                HTTP.sendAsync(batchRequest(all), HttpResponse.BodyHandlers.ofString());
        long rowsRead = awaitRunningBatchPast(2 * CHUNK, Duration.ofMinutes(3));
        kill(before, "KILL");
        log(
                "killed dossier-stats (pid %d) %.1f s into the whole file, %,d rows read",
                before.pid(), seconds(t2), rowsRead);
        try {
            HttpResponse<String> answer = killed.get(30, TimeUnit.SECONDS);
            assertNotEquals(200, answer.statusCode(), "the killed batch answered " + answer.body());
        } catch (ExecutionException e) {
            // the connection broke: what a client of a killed service sees
        }

        long t3 = System.nanoTime();
        ProcessHandle after = awaitRestarted("dossier-stats", before, Duration.ofMinutes(3));
        log(
                "dossier-stats started again by the launcher (pid %d), ready %.1f s after the kill",
                after.pid(), seconds(t3));
        assertTrue(set.output().contains("dossier-stats stopped unexpectedly"), set.tail());
        assertEquals(COMMITTED_FIRST, storedDossiers(), "the first batch is all there, nothing of the killed one");
        // The killed batch's record says so (its runner's lock went with the process), and nothing is left running.
        JsonNode jobs = JSON.readTree(send("GET", DOSSIERS + "/api/dossier-jobs?submittedBy=admin&limit=10", null)
                .body());
        JsonNode interrupted = null;
        for (JsonNode job : jobs) {
            assertNotEquals("RUNNING", job.get("status").asText(), job.toString());
            if (job.get("rowsRead").asLong() >= rowsRead) {
                interrupted = job;
            }
        }
        assertTrue(interrupted != null, jobs.toString());
        assertEquals("FAILED", interrupted.get("status").asText(), interrupted.toString());
        assertTrue(interrupted.get("error").asText().startsWith("INTERRUPTED"), interrupted.toString());

        long t4 = System.nanoTime();
        JsonNode again = batch(all);
        log(
                "whole file again: rows %d, inserted %d, unchanged %d, updated %d, rejected %d in %.1f s",
                again.get("rows").asLong(),
                again.get("inserted").asLong(),
                again.get("unchanged").asLong(),
                again.get("updated").asLong(),
                again.get("rejected").asLong(),
                seconds(t4));
        assertEquals(ROWS, again.get("rows").asLong(), again.toString());
        assertEquals(ROWS - COMMITTED_FIRST, again.get("inserted").asLong(), again.toString());
        assertEquals(COMMITTED_FIRST, again.get("unchanged").asLong(), again.toString());
        assertEquals(0, again.get("updated").asLong(), again.toString());
        assertEquals(0, again.get("rejected").asLong(), again.toString());
        assertEquals(ROWS, storedDossiers());

        JsonNode twice = batch(first);
        assertEquals(COMMITTED_FIRST, twice.get("unchanged").asLong(), twice.toString());
        assertEquals(ROWS, storedDossiers());
        Files.delete(all);
        Files.delete(first);
    }

    /**
     * The unit registry frozen ({@code kill -STOP}): a campaign creation in scoring and a dossier batch of a unit
     * dossier statistics has not looked up yet (created just before, after its last load of the registry's
     * directory) answer 503 naming the registry, within their timeouts, and store nothing; after {@code kill -CONT}
     * both work.
     */
    @Test
    @Order(2)
    void aFrozenRegistryMakesWritesThatNeedItAnswer503AndStoreNothing() throws Exception {
        String campaign = "E2E-FAULT-FROZEN";
        String body = JSON.writeValueAsString(Map.of(
                "code", campaign,
                "year", 2021,
                "criteriaSetCode", "PAR_DIST_YB_2021",
                "unitGroupCode", "YB-DISTRICTS-2021",
                "selfAssessmentDeadline", "2099-12-31T17:00:00+07:00"));
        // A commune created just now: dossier statistics has not looked it up, and the registry's directory it
        // loaded for the batches above does not hold it, so the batch must ask the registry.
        String unit = "39990";
        HttpResponse<String> createdUnit = send(
                "POST",
                REGISTRY + "/api/units",
                JSON.writeValueAsString(Map.of(
                        "code", unit,
                        "name", "Xã Thử Đóng Băng",
                        "type", "xã",
                        "level", "COMMUNE",
                        "parentCode", "01",
                        "validFrom", "2025-07-01",
                        "legalBasis", "Nghị quyết thử nghiệm E2E (sổ đăng ký bị treo)")));
        assertTrue(
                createdUnit.statusCode() == 201 || createdUnit.statusCode() == 409,
                createdUnit.statusCode() + " " + createdUnit.body());
        Path row = Files.createTempFile("fault-frozen", ".ndjson");
        Files.writeString(row, line(ROWS + 1, unit, "FROZEN-1"));

        ProcessHandle registry = set.service("unit-registry").orElseThrow();
        kill(registry, "STOP");
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> created = send("POST", SCORING + "/api/campaigns", body);
            double campaignSeconds = seconds(t0);
            log(
                    "registry frozen: POST /api/campaigns → %d %s after %.1f s",
                    created.statusCode(), code(created), campaignSeconds);
            assertProblem(created, 503, "REGISTRY_UNAVAILABLE", "SERVICE_UNAVAILABLE");
            assertTrue(campaignSeconds < 75, "answered after " + campaignSeconds + " s");

            long t1 = System.nanoTime();
            HttpResponse<String> batch = HTTP.send(batchRequest(row), HttpResponse.BodyHandlers.ofString());
            double batchSeconds = seconds(t1);
            log(
                    "registry frozen: POST /api/dossiers/batch → %d %s after %.1f s",
                    batch.statusCode(), code(batch), batchSeconds);
            assertProblem(batch, 503, "REGISTRY_UNAVAILABLE");
            assertTrue(batchSeconds < 40, "answered after " + batchSeconds + " s");
        } finally {
            kill(registry, "CONT");
        }
        assertEquals(
                404, send("GET", SCORING + "/api/campaigns/" + campaign, null).statusCode());
        assertEquals(0, count("SELECT count(*) FROM dossier WHERE dossier_id = 'FROZEN-1'"));

        // The breakers wait a few seconds before they let calls through again.
        long t2 = System.nanoTime();
        HttpResponse<String> created = retryWhile503(() -> send("POST", SCORING + "/api/campaigns", body));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> batch =
                retryWhile503(() -> HTTP.send(batchRequest(row), HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals(1, JSON.readTree(batch.body()).get("inserted").asLong(), batch.body());
        log("registry thawed: campaign 201 and batch 200 within %.1f s", seconds(t2));
        Files.delete(row);
    }

    /**
     * PostgreSQL stopped ({@code pg_ctl stop -m fast}) and started again under reads and writes: while it is away
     * the services answer 503 problem+json {@code DATABASE_UNAVAILABLE} quickly (no 500, no hanging request); once
     * it is back they are ready again, read and write, without being restarted.
     */
    @Test
    @Order(3)
    void postgresRestartedUnderLoadGives503ThenRecoversWithoutRestart() throws Exception {
        Path data = RunningSet.home(root).resolve("pgdata");
        long postmaster = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        Path bin = Path.of(ProcessHandle.of(postmaster)
                        .orElseThrow()
                        .info()
                        .command()
                        .orElseThrow())
                .getParent();
        List<Long> pids = new ArrayList<>();
        for (String service : List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats")) {
            pids.add(set.service(service).orElseThrow().pid());
        }

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        List<Thread> load = new ArrayList<>();
        Map<String, Call> calls = Map.of(
                "registry read", () -> send("GET", REGISTRY + "/api/units/04252?asOf=2025-06-30", null),
                "dossier read", () -> send("GET", DOSSIERS + "/api/procedures/" + procedure(1), null),
                "dossier write",
                        () -> send(
                                "PUT",
                                DOSSIERS + "/api/procedures",
                                JSON.writeValueAsString(List.of(Map.of(
                                        "code",
                                        procedure(21),
                                        "name",
                                        "Thủ tục thử lỗi " + System.nanoTime(),
                                        "field",
                                        "Kiểm thử",
                                        "authorityLevel",
                                        "COMMUNE",
                                        "deadlineWorkingDays",
                                        5,
                                        "serviceLevel",
                                        "FULL")))),
                "scoring read", () -> send("GET", SCORING + "/api/campaigns/YB-DIST-2021", null));
        calls.forEach((what, call) ->
                load.add(Thread.ofPlatform().name("load " + what).start(() -> {
                    while (running.get()) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = call.send();
                            outcomes.add(new Outcome(t - start, what, r.statusCode(), code(r), seconds(t)));
                        } catch (Exception e) {
                            outcomes.add(new Outcome(t - start, what, -1, e.toString(), seconds(t)));
                        }
                        sleep(100);
                    }
                })));

        // Parallel reads fill each pool with connections, most of them idle (stale) through the outage.
        burst(calls, outcomes, start);
        sleep(2_000);
        long stopAt = System.nanoTime() - start;
        long t0 = System.nanoTime();
        pgCtl(bin, data, "stop", "-m", "fast");
        log("PostgreSQL stopped in %.1f s", seconds(t0));
        sleep(8_000);
        long startAt = System.nanoTime() - start;
        long t1 = System.nanoTime();
        pgCtl(bin, data, "restart");
        log("PostgreSQL started again in %.1f s", seconds(t1));

        long t2 = System.nanoTime();
        for (String url : List.of(REGISTRY, "http://localhost:8082", SCORING, DOSSIERS)) {
            set.await(HTTP, url + "/q/health/ready", body -> true, Duration.ofSeconds(90));
        }
        log("every service ready %.1f s after PostgreSQL was back", seconds(t2));
        long recoveredAt = System.nanoTime() - start;
        burst(calls, outcomes, start);
        sleep(3_000);
        running.set(false);
        for (Thread t : load) {
            t.join(30_000);
        }

        List<Outcome> during = outcomes.stream()
                .filter(o -> o.at() > stopAt + 1_000_000_000L && o.at() < startAt)
                .toList();
        List<Outcome> afterRecovery =
                outcomes.stream().filter(o -> o.at() > recoveredAt).toList();
        log("outage: %d calls, statuses %s, slowest %.2f s", during.size(), statuses(during), slowest(during));
        log("after recovery: %d calls, statuses %s", afterRecovery.size(), statuses(afterRecovery));
        List<Outcome> bad = outcomes.stream()
                .filter(o -> o.status() == 500 || o.status() == -1 || o.seconds() > 10)
                .toList();
        assertTrue(bad.isEmpty(), "no 500, no broken or hanging call: " + bad);
        assertFalse(during.isEmpty());
        assertTrue(
                during.stream()
                        .allMatch(
                                o -> o.status() == 200 || o.status() == 503 && "DATABASE_UNAVAILABLE".equals(o.code())),
                "during the outage only 200 (served without the database) or 503 DATABASE_UNAVAILABLE: " + during);
        assertTrue(during.stream().anyMatch(o -> o.status() == 503), "nothing noticed the outage: " + during);
        assertFalse(afterRecovery.isEmpty());
        assertTrue(afterRecovery.stream().allMatch(o -> o.status() == 200), "after recovery: " + afterRecovery);
        List<Long> now = new ArrayList<>();
        for (String service : List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats")) {
            now.add(set.service(service).orElseThrow().pid());
        }
        assertEquals(pids, now, "no service was restarted");
    }

    /** 16 of each read at once. */
    private static void burst(Map<String, Call> calls, ConcurrentLinkedQueue<Outcome> outcomes, long start)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        calls.forEach((what, call) -> {
            if (what.endsWith("read")) {
                for (int i = 0; i < 16; i++) {
                    threads.add(Thread.ofVirtual().start(() -> {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = call.send();
                            outcomes.add(new Outcome(t - start, what + " burst", r.statusCode(), code(r), seconds(t)));
                        } catch (Exception e) {
                            outcomes.add(new Outcome(t - start, what + " burst", -1, e.toString(), seconds(t)));
                        }
                    }));
                }
            }
        });
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    /** One call of the load: when it started (ns since the load began), what, the answer and how long it took. */
    private record Outcome(long at, String what, int status, String code, double seconds) {}

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static void writeDossiers(Path file, int from, int to) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < to; i++) {
                out.write(line(i, communes.get(i % 300), "F-" + i));
            }
        }
    }

    /** A valid dossier: online, received on a day of 2025-07-01 … 2026-06-28, a third of them resolved. */
    private static String line(int i, String unit, String id) {
        LocalDate received = LocalDate.of(2025, 7, 1).plusDays(i % 363);
        String at = received + "T" + String.format("%02d:%02d", 7 + i % 10, i % 60) + ":00+07:00";
        String finished = i % 3 == 0 ? ",\"finishedAt\":\"" + received.plusDays(1 + i % 9) + "T16:00:00+07:00\"" : "";
        return "{\"sourceSystem\":\"" + SOURCE + "\",\"dossierId\":\"" + id + "\",\"procedureCode\":\""
                + procedure(1 + i % 20) + "\",\"unitCode\":\"" + unit + "\",\"channel\":\"ONLINE\",\"receivedAt\":\""
                + at + "\"" + finished + ",\"status\":\"" + (i % 3 == 0 ? "resolved" : "processing") + "\"}\n";
    }

    private static String procedure(int i) {
        return "E2E.FAULT." + i;
    }

    private static JsonNode batch(Path file) throws Exception {
        HttpResponse<String> r = HTTP.send(batchRequest(file), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpRequest batchRequest(Path file) throws IOException {
        return HttpRequest.newBuilder(URI.create(DOSSIERS + "/api/dossiers/batch"))
                .timeout(Duration.ofMinutes(6))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
    }

    /** Rows read by the batch running now, once past {@code rows}. */
    private static long awaitRunningBatchPast(long rows, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        long read = -1;
        while (System.nanoTime() < until) {
            read = count("SELECT coalesce(max(rows_read), -1) FROM ingestion_job WHERE status = 'RUNNING'");
            if (read >= rows) {
                return read;
            }
            sleep(100);
        }
        throw new AssertionError("the batch had read " + read + " rows after " + timeout);
    }

    private static ProcessHandle awaitRestarted(String service, ProcessHandle before, Duration timeout)
            throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            var now = set.service(service).filter(p -> p.pid() != before.pid() && p.isAlive());
            if (now.isPresent()) {
                set.await(
                        HTTP, DOSSIERS + "/q/health/ready", body -> true, Duration.ofNanos(until - System.nanoTime()));
                return now.get();
            }
            assertTrue(set.launcherAlive(), "the launcher stopped:\n" + set.tail());
            sleep(200);
        }
        throw new AssertionError(service + " was not started again within " + timeout + "\n" + set.tail());
    }

    private static long storedDossiers() throws SQLException {
        return count("SELECT count(*) FROM dossier WHERE source_system = '" + SOURCE + "'");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + RunningSet.postgresPort() + "/dossier_stats",
                        "postgres",
                        "postgres");
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs the embedded server's own pg_ctl. It refuses to run as root, so as root (as CI runs) it runs in a new
     * user namespace, as zonky runs it for the launcher.
     */
    private static void pgCtl(Path bin, Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60"));
        Collections.addAll(command, args);
        Path log = RunningSet.home(root).resolve("logs/postgres.log");
        command.addAll(List.of("-l", log.toString()));
        Path out = Files.createTempFile("pg_ctl", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "pg_ctl " + args[0] + " did not end");
        assertEquals(0, p.exitValue(), "pg_ctl " + String.join(" ", args) + ": " + Files.readString(out));
        Files.delete(out);
    }

    private static HttpResponse<String> retryWhile503(Call call) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r = call.send();
        while (r.statusCode() == 503 && System.nanoTime() < until) {
            sleep(1_000);
            r = call.send();
        }
        return r;
    }

    private static void assertProblem(HttpResponse<String> r, int status, String... codes) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().toString());
        assertTrue(List.of(codes).contains(JSON.readTree(r.body()).path("code").asText()), r.body());
    }

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> r) {
        if (r.statusCode() < 400) {
            return "";
        }
        try {
            return JSON.readTree(r.body()).path("code").asText();
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    private static void kill(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor());
    }

    private static String statuses(List<Outcome> outcomes) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach(o -> counts.merge((o.what() + ": " + o.status() + " " + o.code()).trim(), 1L, Long::sum));
        return counts.toString();
    }

    private static double slowest(List<Outcome> outcomes) {
        return outcomes.stream().mapToDouble(Outcome::seconds).max().orElse(0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("FAULT " + format + "%n", args);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
