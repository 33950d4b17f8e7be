package vn.parindex.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

class EdgeTest {

    @Test
    void shouldTakeThePortOfAHostHeader() {
        assertEquals(8080, Edge.portOf("localhost:8080", 80));
        assertEquals(80, Edge.portOf("parindex.gov.vn", 80));
        assertEquals(8443, Edge.portOf("[::1]:8443", 80));
        assertEquals(80, Edge.portOf("[::1]", 80));
        assertEquals(80, Edge.portOf("host:abc", 80));
    }

    @Test
    void shouldRefuseDotSegmentsAndEncodedDots() {
        assertTrue(Edge.isNormalised("/api/units/04252"));
        assertTrue(Edge.isNormalised("/api/criteria-sets/PAR_2021.v2"));
        assertFalse(Edge.isNormalised("/api/units/../q/health"));
        assertFalse(Edge.isNormalised("/api/units/%2e%2e/campaigns"));
        assertFalse(Edge.isNormalised("/api/units/./x"));
    }

    @Test
    void shouldKnowWhichAnswersCarryNoBody() {
        assertTrue(EdgeMessages.mayHaveBody(HttpMethod.GET, 200));
        assertFalse(EdgeMessages.mayHaveBody(HttpMethod.HEAD, 200));
        assertFalse(EdgeMessages.mayHaveBody(HttpMethod.GET, 204));
        assertFalse(EdgeMessages.mayHaveBody(HttpMethod.GET, 304));
        assertFalse(EdgeMessages.mayHaveBody(HttpMethod.GET, 101));
    }

    @Test
    void shouldTakeTheClientFromXForwardedForOnlyBehindATrustedBalancer() {
        Edge edge = new Edge(
                null,
                null,
                java.util.List.of(),
                new vn.parindex.gateway.proxy.Upstream(
                        "gateway",
                        java.net.URI.create("http://127.0.0.1:8079"),
                        java.time.Duration.ofSeconds(1),
                        16 * 1024),
                null,
                1,
                null,
                java.util.Set.of("10.0.0.5"),
                null);
        assertTrue(edge.trustsForwardedFor("10.0.0.5"));
        assertFalse(edge.trustsForwardedFor("203.0.113.7"));
        assertEquals("198.51.100.2", Edge.lastForwardedFor("203.0.113.7, 198.51.100.2"));
        assertEquals("198.51.100.2", Edge.lastForwardedFor("198.51.100.2"));
        assertEquals(null, Edge.lastForwardedFor(null));
    }

    @Test
    void shouldMakeTextSafeForAQuotedHeaderValue() {
        assertEquals("kid ' x  y", EdgeMessages.headerSafe("kid \" x\r\ny"));
    }
}
