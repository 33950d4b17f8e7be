package vn.parindex.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The set started exactly as the README's run command starts it — the launcher jar, from the repository root —
 * on a throw-away data folder and PostgreSQL port. Stopped (Ctrl-C equivalent: SIGTERM to the launcher) at the end.
 * {@link #start(Path, String, Map)} starts a variant: the same launcher with more environment, which every service
 * inherits (e.g. Keycloak's issuer instead of the gateway's local one, as docker-compose sets it).
 */
final class RunningSet implements AutoCloseable {

    /** The gateway (8080, its own endpoints on 8079) and the four services. */
    static final List<Integer> PORTS = List.of(8079, 8080, 8081, 8082, 8083, 8084);

    static final String GATEWAY = "http://localhost:8080";

    private final Process launcher;
    private final Path log;

    private static RunningSet shared;

    private RunningSet(Process launcher, Path log) {
        this.launcher = launcher;
        this.log = log;
    }

    /**
     * The one set of this test run, started by the first test class that asks and stopped when the JVM ends: the
     * end-to-end classes share it (a start takes a minute).
     */
    static synchronized RunningSet shared(Path root) throws IOException {
        if (shared == null) {
            shared = start(root);
            RunningSet set = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    set.close();
                } catch (Exception e) {
                    // the JVM is ending; the launcher stops its services on SIGTERM anyway
                }
            }));
        }
        return shared;
    }

    static RunningSet start(Path root) throws IOException {
        return start(root, "e2e-home", Map.of());
    }

    /**
     * The set with {@code environment} added to the launcher's (and so to every service's), its data under
     * {@code services/e2e/target/<home>}.
     */
    static RunningSet start(Path root, String home, Map<String, String> environment) throws IOException {
        for (int port : PORTS) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use: stop the running ParIndex (or what holds"
                        + " the port) before the end-to-end test");
            }
        }
        Path jar = root.resolve("services/launcher/target/parindex-launcher.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./parindex test)");
        }
        Path data = root.resolve("services/e2e/target").resolve(home);
        deleteRecursively(data);
        Files.createDirectories(data);
        Path log = data.resolve("launcher.log");
        ProcessBuilder pb = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PARINDEX_HOME", data.toString());
        pb.environment().put("PARINDEX_PG_PORT", "55447");
        pb.environment().put("PARINDEX_DEMO_DATA", "true");
        pb.environment().putAll(environment);
        return new RunningSet(pb.start(), log);
    }

    /** Waits until {@code url} answers 200 with a body that {@code ok} accepts. */
    void await(HttpClient http, String url, Predicate<String> ok, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(until)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher stopped:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && ok.test(r.body())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " not ready after " + timeout + " (last: " + last + ")\n" + tail());
    }

    /** The process of one service (a child of the launcher). */
    Optional<ProcessHandle> service(String name) {
        return launcher.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("services/" + name + "/target/quarkus-app"))
                .findFirst();
    }

    /** Everything the launcher printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no launcher log)";
        }
    }

    @Override
    public void close() throws Exception {
        launcher.destroy();
        if (!launcher.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
