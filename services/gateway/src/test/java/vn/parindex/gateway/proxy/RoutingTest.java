package vn.parindex.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.parindex.gateway.StubUpstreams;

@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoutingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    URI gateway;

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
        gateway = StubUpstreams.gatewayUri();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/units/04252?asOf=2025-06-30, unit-registry",
        "/api/units, unit-registry",
        "/api/unit-groups/YB-2021, unit-registry",
        "/api/unit-changes?from=2025-01-01, unit-registry",
        "/api/unit-events/7, unit-registry",
        "/api/criteria-sets/PAR_DIST_YB_2021, criteria-catalogue",
        "/api/metrics, criteria-catalogue",
        "/api/campaigns/YB-DIST-2021/results, scoring",
        "/api/rankings/YB-DIST-2021, scoring",
        "/api/indices/PAPI/2024, scoring",
        "/api/procedures, dossier-stats",
        "/api/dossiers/batch, dossier-stats",
        "/api/dossier-jobs/3, dossier-stats",
        "/api/dossier-stats?unitCode=15, dossier-stats",
        "/api/calendar/2026, dossier-stats"
    })
    void shouldRouteEveryPrefixToItsServiceWithPathAndQueryUnchanged(String uri, String service) {
        given().get(uri)
                .then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("uri", equalTo(uri))
                .body("method", equalTo("GET"));
    }

    @Test
    void shouldKeepTheClientsHostAndAddForwardedHeaders() {
        String clientHost = "localhost:" + gateway.getPort();
        given().header("X-Forwarded-For", "203.0.113.7")
                .get("/api/units/04252")
                .then()
                .statusCode(200)
                .body("headers.host", equalTo(clientHost))
                .body("headers.x-forwarded-host", equalTo(clientHost))
                .body("headers.x-forwarded-port", equalTo(Integer.toString(gateway.getPort())))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-for", equalTo("203.0.113.7, 127.0.0.1"))
                // Links a service builds from the Host point at the gateway, not at the service's port.
                .header("Location", equalTo("http://" + clientHost + "/api/units/04252"));
    }

    @Test
    void shouldKeepTheClientsRequestIdUpstreamAndOnTheAnswer() {
        given().header("X-Request-Id", "portal-42.a")
                .get("/api/campaigns")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("portal-42.a"))
                .body("headers.x-request-id", equalTo("portal-42.a"));
    }

    @Test
    void shouldCreateARequestIdWhenTheClientSentNoneOrAnUnsafeOne() {
        String created = given().get("/api/procedures")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract()
                .header("X-Request-Id");
        given().get("/api/procedures").then().header("X-Request-Id", not(equalTo(created)));
        given().header("X-Request-Id", "evil\tid with spaces")
                .get("/api/procedures")
                .then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void shouldGiveTheGatewaysOwnAnswersARequestIdToo() {
        given().header("X-Request-Id", "own-1")
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .header("X-Request-Id", equalTo("own-1"));
    }

    @Test
    void shouldDropTheServicesCopiesOfHeadersTheGatewayOwns() {
        given().get("/api/units/04252")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldAnswerAnUnknownApiPathWithA404Problem() {
        given().get("/api/unknown/thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("RESOURCE_NOT_FOUND"))
                .body("status", equalTo(404))
                .body("detail", containsString("/api/unknown/thing"))
                .body("instance", equalTo("/api/unknown/thing"));
        // A prefix is a whole segment: /api/unitsX is no unit path.
        given().get("/api/unitsX").then().statusCode(404).body("code", equalTo("RESOURCE_NOT_FOUND"));
    }

    @Test
    void shouldRefuseDotSegmentsThatWouldLeaveTheApi() throws IOException {
        // Sent raw: HTTP clients would resolve the dot segments themselves before sending. Routed by the raw
        // path these would reach the registry, which would resolve them to a scoring path.
        for (String path : List.of("/api/units/%2e%2e/campaigns", "/api/units/../campaigns/X")) {
            String answer = rawGet(path);
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + " -> " + answer);
            assertTrue(answer.contains("RESOURCE_NOT_FOUND"), answer);
        }
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Raw bytes in, everything the gateway answers until it closes (each request here ends with a close). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A Connection header naming Content-Length must not strip the body's framing (request smuggling). */
    @Test
    void shouldKeepTheBodysLengthWhenConnectionNamesIt() throws IOException {
        String answer = raw("POST /api/unit-groups HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40\r\nConnection: Content-Length, close\r\n\r\n"
                + "GET /api/units/SMUGGLED HTTP/1.1\r\nX: 1\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"bodyBytes\":40"), answer);
        assertFalse(answer.contains("SMUGGLED\",\"method\""), answer);
        assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, answer);
    }

    @Test
    void shouldAnswerAnOverLongRequestLineWith414NamingNoClass() throws IOException {
        String answer = raw("GET /api/units?q=" + "y".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("URI_TOO_LONG"), answer);
        assertFalse(answer.contains("io.netty"), answer);
        assertFalse(answer.contains("Exception"), answer);
        // With a body on its way: the answer still arrives (no reset before it).
        String withBody = raw("POST /api/units/import?dryRun=" + "y".repeat(9_000)
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        assertTrue(withBody.startsWith("HTTP/1.1 414"), withBody);
    }

    @Test
    void shouldRefuseABrokenChunkedBodyInsteadOfPassingPartOfIt() throws IOException {
        String answer = raw("POST /api/dossiers/batch HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nZZZ\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("BAD_REQUEST"), answer);
        assertFalse(answer.contains("\"service\""), answer);
    }

    /** The gateway's own paths are decided on the path as sent, so the token endpoint's limits cannot be bypassed. */
    @Test
    void shouldRefuseTargetsThatWouldReachItsOwnEndpointsInDisguise() throws IOException {
        for (String target : List.of("/x/../auth/token", "/%61uth/token", "/api/units/%zz")) {
            String answer = raw("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), target + " -> " + answer);
        }
        String absolute = raw("POST http://localhost/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(absolute.startsWith("HTTP/1.1 400"), absolute);
    }

    /** Two requests sent at once on one connection (pipelining) are answered in order on that connection. */
    @Test
    void shouldAnswerPipelinedRequestsInOrder() throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET /api/units/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                    + "GET /api/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                    + "GET /api/campaigns/2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int first = answers.indexOf("\"uri\":\"/api/units/1\"");
            int second = answers.indexOf("RESOURCE_NOT_FOUND");
            int third = answers.indexOf("\"uri\":\"/api/campaigns/2\"");
            assertTrue(first > 0 && second > first && third > second, answers);
            assertEquals(3, answers.split("HTTP/1.1 ", -1).length - 1, answers);
        }
    }

    /** An HTTP/1.0 client (no Host, no keep-alive) is served and the connection closed after the answer. */
    @Test
    void shouldServeHttp10Clients() throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/procedures HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"service\":\"dossier-stats\""), answer);
        }
    }

    @Test
    void shouldAnswerHeadWithoutABody() {
        given().head("/api/units/04252").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void shouldPassAServicesOwnErrorThroughUnchanged() {
        given().get("/api/units/missing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("service", equalTo("unit-registry"));
    }

    @Test
    void shouldForwardMethodBodyAndAuthorizationOfOtherSchemesUnchanged() {
        given().contentType(ContentType.JSON)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .body("{\"code\":\"X\"}")
                .post("/api/unit-groups")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(12))
                .body("headers.authorization", equalTo("Basic dXNlcjpwYXNz"))
                .body("headers.content-type", startsWith("application/json"));
    }

    /**
     * 50 MB sent chunked (no Content-Length), more than Quarkus' default body limit: it must reach the service
     * whole, streamed through (the gateway never holds it).
     */
    @Test
    void shouldStreamALargeChunkedUploadThrough() throws Exception {
        long size = 50L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/dossiers/batch"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)))
                .build();
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode echoed = new ObjectMapper().readTree(response.body());
            assertEquals("dossier-stats", echoed.path("service").asText());
            assertEquals(size, echoed.path("bodyBytes").asLong());
            assertEquals(
                    "chunked", echoed.path("headers").path("transfer-encoding").asText());
        }
    }

    /** As curl does for large uploads: the gateway answers 100 Continue itself, the service never sees Expect. */
    @Test
    void shouldAnswerExpectContinueAtOnce() throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            out.write(("POST /api/dossiers/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                            + "Content-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = new byte[25];
            int n = in.readNBytes(interim, 0, interim.length);
            assertTrue(new String(interim, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 100 Continue"));
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.contains("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"bodyBytes\":5"), answer);
            assertFalse(answer.contains("\"expect\""), answer);
        }
    }

    @Test
    void shouldNotServeGatewayPathsOutsideTheRouteTable() {
        given().get("/api/health").then().statusCode(200).body("services.size()", equalTo(4));
        given().get("/internal/unit-registry").then().statusCode(404);
    }

    /** Generated bytes, so the test itself holds no 50 MB either. */
    private static final class PatternStream extends InputStream {
        private long remaining;

        PatternStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 'a' + (int) (remaining % 26);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + ((remaining - i) % 26));
            }
            remaining -= n;
            return n;
        }
    }
}
