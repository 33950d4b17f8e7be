package vn.parindex.dossier.seed;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.parindex.dossier.api.FakeRegistry;

/**
 * A unit registry that is still starting: its port refuses connections for {@link #SILENT_FOR} after the test
 * resources start, then it answers as {@link FakeRegistry} does (the service edge only; the dossiers go to real
 * PostgreSQL). Long enough for the loader's first attempts to fail and the registry client's circuit breaker
 * (10 requests, half of them failed) to open.
 */
public class LateRegistry implements QuarkusTestResourceLifecycleManager {

    static final Duration SILENT_FOR = Duration.ofSeconds(20);

    /** Set when the registry starts answering; 0 until then. */
    static volatile long answeringSinceNanos;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private volatile HttpServer server;

    @Override
    public Map<String, String> start() {
        answeringSinceNanos = 0;
        int port = freePort();
        timer.schedule(() -> open(port), SILENT_FOR.toMillis(), TimeUnit.MILLISECONDS);
        return Map.of("quarkus.rest-client.unit-registry.url", "http://127.0.0.1:" + port);
    }

    static boolean answering() {
        return answeringSinceNanos != 0;
    }

    private void open(int port) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            s.createContext("/api/units/", FakeRegistry.handler());
            s.start();
            server = s;
            answeringSinceNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
