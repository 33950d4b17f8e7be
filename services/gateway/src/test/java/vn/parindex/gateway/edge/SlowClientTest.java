package vn.parindex.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/**
 * Slow clients (slowloris) do not hold the edge's connections: a head must arrive within the header timeout, a body
 * may not pause longer than the body timeout nor trickle in slower than the minimum rate; each is answered 408
 * problem+json and the connection closes. The timeouts are 1 s here (30 s and 60 s by default), the rate 1 KB/s
 * (512 bytes/s).
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortTimeouts.class)
class SlowClientTest {

    private static final long TIMEOUT_MS = 1000;
    /** Scheduling on a busy 2-core machine: the close may come this much after the timeout. */
    private static final long SLACK_MS = 1500;

    private static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+(Exception|Error)");

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parindex.gateway.http.header-timeout", TIMEOUT_MS + "ms",
                    "parindex.gateway.http.body-timeout", TIMEOUT_MS + "ms",
                    "parindex.gateway.http.body-min-rate", "1K");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubUpstreams.class));
        }
    }

    URI gateway;

    @BeforeEach
    void sendToTheGateway() {
        gateway = StubUpstreams.gatewayUri();
    }

    @Test
    void shouldAnswer408AndCloseWhenAHeadStallsHalfway() throws IOException {
        try (Socket socket = socket()) {
            long start = System.nanoTime();
            socket.getOutputStream().write("GET /api/units/1 HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            String answer = readToClose(socket);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertProblem(answer, 408);
            assertTrue(answer.contains("did not arrive within 1 s"), answer);
            assertTrue(elapsedMs >= TIMEOUT_MS - 50, "closed after " + elapsedMs + " ms");
            assertTrue(elapsedMs < TIMEOUT_MS + SLACK_MS, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldAnswer408ToAHeadThatTricklesInByteByByte() throws IOException, InterruptedException {
        try (Socket socket = socket()) {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            byte[] head = "GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\nX-Slow: 0123456789\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                // One byte every 100 ms keeps the connection busy, never idle: the head's deadline still holds.
                for (byte b : head) {
                    if (socket.getInputStream().available() > 0) {
                        break; // the answer came: a write now would meet the closed connection's reset
                    }
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // expected: the gateway closed the connection
            }
            String answer = readToClose(socket);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertProblem(answer, 408);
            assertTrue(elapsedMs < TIMEOUT_MS + SLACK_MS + 200, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldCloseAConnectionThatNeverSendsAByteWithoutAnAnswer() throws IOException {
        try (Socket socket = socket()) {
            long start = System.nanoTime();
            String answer = readToClose(socket);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("", answer);
            assertTrue(elapsedMs < TIMEOUT_MS + SLACK_MS, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldAnswer408AndCloseWhenABodyStalls() throws IOException {
        try (Socket socket = socket()) {
            long start = System.nanoTime();
            socket.getOutputStream()
                    .write(("POST /api/dossiers/batch HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/x-ndjson\r\nContent-Length: 100\r\n\r\n{\"a\":")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = readToClose(socket);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertProblem(answer, 408);
            assertTrue(answer.contains("body stopped arriving"), answer);
            assertTrue(elapsedMs < TIMEOUT_MS + SLACK_MS, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldAnswer408ToABodyThatTricklesInNeverIdleButTooSlow() throws IOException, InterruptedException {
        try (Socket socket = socket()) {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/dossiers/batch HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                // 10 bytes every 100 ms: 100 bytes/s, never a pause as long as the body timeout.
                for (int i = 0; i < 100 && socket.getInputStream().available() == 0; i++) {
                    out.write("{\"a\":1}\n\n\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // expected: the gateway closed the connection
            }
            String answer = readToClose(socket);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertProblem(answer, 408);
            assertTrue(answer.contains("slower than 1024 bytes per second"), answer);
            assertTrue(elapsedMs < 2 * TIMEOUT_MS + SLACK_MS, "closed after " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldLetABodyThatKeepsTheRateThrough() throws IOException, InterruptedException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/dossiers/batch HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Content-Type: application/x-ndjson\r\nContent-Length: 30000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // 1,000 bytes every 100 ms (10 KB/s) for 3 s: slow, but over the minimum rate.
            for (int i = 0; i < 30; i++) {
                out.write(new byte[1000]);
                out.flush();
                Thread.sleep(100);
            }
            String answer = readToClose(socket);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"bodyBytes\":30000"), answer);
        }
    }

    @Test
    void shouldKeepAnIdleKeepAliveConnectionOpenPastTheHeaderTimeout() throws IOException, InterruptedException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] get = "GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            out.write(get);
            assertTrue(readOneAnswer(in).startsWith("HTTP/1.1 200"));
            // Between requests the idle timeout (30 min) applies, not the header timeout.
            Thread.sleep(TIMEOUT_MS + 500);
            out.write(get);
            assertTrue(readOneAnswer(in).startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void shouldStillServeAnOrdinaryRequest() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream()
                    .write("GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            assertTrue(readToClose(socket).startsWith("HTTP/1.1 200"));
        }
    }

    private static void assertProblem(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), answer);
        assertFalse(CLASS_NAME.matcher(answer).find(), answer);
        assertFalse(answer.contains("io.netty"), answer);
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readToClose(Socket socket) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(read);
        } catch (java.net.SocketException reset) {
            // a reset after the answer: what arrived before it counts
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** One answer with a Content-Length body, read from a connection that stays open. */
    private static String readOneAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        var length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
