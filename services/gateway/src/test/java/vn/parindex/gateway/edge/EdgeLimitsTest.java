package vn.parindex.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.parindex.gateway.StubUpstreams;
import vn.parindex.gateway.proxy.RouteTable;

/**
 * What the edge refuses itself, as problem+json: request lines and headers over its limits (414, 431), requests
 * that are not HTTP (400), bodies over the limit of their service (413, before the service gets the body whole),
 * and a service's own bare refusals. Sent over raw sockets: HTTP clients would not send most of these.
 */
@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeLimitsTest {

    /** Quarkus' default body limit, which the registry and the catalogue keep (parindex.gateway.max-body-size). */
    private static final int CATALOGUE_LIMIT = 10 * 1024 * 1024;

    /** A Java or Netty class name as an exception's toString() or getClass() would put it in a detail. */
    private static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+(Exception|Error)");

    URI gateway;

    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
        gateway = StubUpstreams.gatewayUri();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/units/", "/q/openapi?x=", "/"})
    void shouldAnswerARequestLineOverTheLimitWith414Problem(String start) throws IOException {
        // 5,000 bytes: over the 4,096 every service reads, under the 8 KB the edge read before.
        String answer = raw("GET " + start + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(answer, 414, "URI_TOO_LONG");
        assertTrue(answer.contains("longer than 4096 bytes"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
    }

    @Test
    void shouldAnswerHeadersOverTheLimitWith431Problem() throws IOException {
        String answer =
                raw("GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertProblem(answer, 431, "HEADERS_TOO_LARGE");
        assertTrue(answer.contains("larger than 16384 bytes"), answer);
    }

    @Test
    void shouldAnswerManyHeadersOverTheLimitWith431ProblemOnNonApiPathsToo() throws IOException {
        StringBuilder request = new StringBuilder("GET /q/health HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 400; i++) {
            request.append("X-Header-")
                    .append(i)
                    .append(": ")
                    .append("v".repeat(60))
                    .append("\r\n");
        }
        String answer = raw(request.append("\r\n").toString());
        assertProblem(answer, 431, "HEADERS_TOO_LARGE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/units/1 HTTX/9.9\r\nHost: localhost\r\n\r\n",
                "POST /api/unit-groups HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
                "POST /api/unit-groups HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n"
            })
    void shouldAnswerRequestsThatAreNotHttpWith400InPlainWords(String request) throws IOException {
        String answer = raw(request);
        assertProblem(answer, 400, "BAD_REQUEST");
        assertTrue(answer.contains("not valid HTTP/1.1"), answer);
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitBeforeTheServiceSeesIt() throws IOException {
        int before = StubUpstreams.requests(RouteTable.CRITERIA_CATALOGUE);
        String answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/criteria-sets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + (CATALOGUE_LIMIT + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // A client that does not wait for the verdict sends on, more than the sockets' buffers hold: the gateway
            // reads and drops it (no write here fails or blocks), and the answer is whole when the client looks.
            long start = System.nanoTime();
            byte[] block = new byte[64 * 1024];
            for (int sent = 0; sent < 8 * 1024 * 1024; sent += block.length) {
                out.write(block);
            }
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < 1500, "answer read after " + elapsedMs + " ms (the 2 s drain limit?)");
        }
        assertProblem(answer, 413, "REQUEST_TOO_LARGE");
        assertTrue(answer.contains("at most 10 MB (10485760 bytes)"), answer);
        assertTrue(answer.contains("\"maxBytes\":10485760"), answer);
        assertEquals(before, StubUpstreams.requests(RouteTable.CRITERIA_CATALOGUE), "the service saw the request");
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWithoutInvitingItAfterExpectContinue() throws IOException {
        String answer = raw("PUT /api/units/1 HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                + "Content-Length: 20000000\r\n\r\n");
        assertProblem(answer, 413, "REQUEST_TOO_LARGE");
        assertFalse(answer.contains("100 Continue"), answer);
    }

    @Test
    void shouldRefuseAChunkedBodyAsSoonAsItPassesTheLimit() throws IOException {
        String answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/criteria-sets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = chunk(64 * 1024);
            try {
                // 2 MB past the limit, and no last chunk: the gateway must not wait for the end.
                for (int sent = 0; sent < CATALOGUE_LIMIT + 2 * 1024 * 1024; sent += 64 * 1024) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedMeanwhile) {
                // the gateway may close before everything is written; its answer is still readable
            }
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertProblem(answer, 413, "REQUEST_TOO_LARGE");
        assertTrue(answer.contains("at most 10 MB"), answer);
    }

    @Test
    void shouldPassAChunkedBodyOfExactlyTheLimit() throws IOException {
        String answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/criteria-sets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = chunk(64 * 1024);
            for (int sent = 0; sent < CATALOGUE_LIMIT; sent += 64 * 1024) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"bodyBytes\":" + CATALOGUE_LIMIT), answer);
    }

    @Test
    void shouldReplaceAServicesBareRefusalsWithProblems() {
        for (int status : new int[] {413, 414, 431, 400}) {
            String body = given().get("/api/units/bare-" + status)
                    .then()
                    .statusCode(status)
                    .contentType("application/problem+json")
                    .body("status", equalTo(status))
                    .body("context.service", equalTo("unit-registry"))
                    .body("detail", not(nullValue()))
                    .extract()
                    .asString();
            assertFalse(CLASS_NAME.matcher(body).find(), body);
        }
    }

    @Test
    void shouldStillPassAServicesOwnProblemUnchanged() {
        given().get("/api/units/missing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("service", equalTo("unit-registry"));
    }

    /** The answer's status, problem+json, the code, and nothing that names a Java or Netty class. */
    private static void assertProblem(String answer, int status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"code\":\"" + code + "\""), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
        assertTrue(answer.toLowerCase().contains("x-request-id: "), answer);
        assertFalse(CLASS_NAME.matcher(answer).find(), answer);
        assertFalse(answer.contains("io.netty"), answer);
        assertFalse(answer.contains("Exception"), answer);
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[head.length + size + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        java.util.Arrays.fill(chunk, head.length, head.length + size, (byte) 'x');
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Raw bytes in, everything the gateway answers until it closes. */
    private String raw(String request) throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
