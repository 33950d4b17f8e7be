package vn.parindex.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.parindex.gateway.edge.AdmissionDecision.Answer;
import vn.parindex.gateway.edge.AdmissionDecision.CheckToken;
import vn.parindex.gateway.edge.AdmissionDecision.Forward;
import vn.parindex.gateway.edge.AdmissionDecision.Preflight;
import vn.parindex.gateway.edge.AdmissionDecision.Unreadable;
import vn.parindex.gateway.proxy.Upstream;

/** The admission decisions on request heads, without Netty, a connection or a server. */
class AdmissionRulesTest {

    private static final Upstream REGISTRY =
            new Upstream("unit-registry", URI.create("http://localhost:8081"), Duration.ofSeconds(10), 1000);
    private static final Upstream OWN =
            new Upstream("gateway", URI.create("http://127.0.0.1:8079"), Duration.ofSeconds(10), 16 * 1024);
    private static final Edge.Limits LIMITS =
            new Edge.Limits(4096, 16 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60), 512);
    private static final String ADDRESS = Admission.addressKey("10.0.0.7");

    /** Routes /api/units to the registry; rate-limits the buckets named in {@code limited}; records what it took. */
    private static final class Environment implements AdmissionRules.Environment {
        final List<String> limited = new ArrayList<>();
        final List<String> taken = new ArrayList<>();

        @Override
        public long acquire(String bucket) {
            taken.add(bucket);
            return limited.contains(bucket) ? TimeUnit.MILLISECONDS.toNanos(1500) : 0;
        }

        @Override
        public Upstream route(String path) {
            return path.startsWith("/api/units") ? REGISTRY : null;
        }

        @Override
        public Upstream own() {
            return OWN;
        }
    }

    /** A head with the defaults of a plain GET from {@link #ADDRESS}, changed by {@code with}. */
    private static RequestHead head(String target, Map<String, Object> with) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        boolean api = path.startsWith("/api/") && !Edge.OWN_API_PATHS.contains(path);
        String origin = (String) with.get("origin");
        return new RequestHead(
                target,
                path,
                api,
                with.containsKey("options"),
                with.containsKey("preflight"),
                origin,
                api && "http://portal".equals(origin),
                (String) with.get("authorization"),
                with.containsKey("chunked"),
                (String) with.get("contentLength"),
                with.containsKey("chunked")
                        ? -1
                        : with.containsKey("contentLength") ? Long.parseLong((String) with.get("contentLength")) : -1,
                ADDRESS);
    }

    static Stream<Arguments> heads() {
        return Stream.of(
                // target, facts, bucket rate-limited (or null), expected: status / "forward:<service>" / ...
                Arguments.of("/api/units/04252?asOf=2025-06-30", Map.of(), null, "forward:unit-registry"),
                Arguments.of("http://evil/api/units", Map.of(), null, "400 close"),
                Arguments.of("*", Map.of("options", true), null, "400 close"),
                Arguments.of("/api/units/../../q/metrics", Map.of(), null, "404"),
                Arguments.of("/api/units/%2e%2e/x", Map.of(), null, "404"),
                Arguments.of("/api/nothing-here", Map.of(), null, "404"),
                Arguments.of(
                        "/api/units",
                        Map.of("options", true, "preflight", true, "origin", "http://portal"),
                        null,
                        "preflight"),
                Arguments.of(
                        "/api/units",
                        Map.of("options", true, "preflight", true, "origin", "http://elsewhere"),
                        null,
                        "403"),
                // An OPTIONS without Access-Control-Request-Method is no preflight: it goes to the service.
                Arguments.of(
                        "/api/units",
                        Map.of("options", true, "origin", "http://portal"),
                        null,
                        "forward:unit-registry"),
                Arguments.of("/api/units", Map.of("authorization", "Bearer abc.def.ghi"), null, "check:abc.def.ghi"),
                Arguments.of("/api/units", Map.of("authorization", "Bearer"), null, "check:"),
                // Another scheme passes unchecked (the services decide).
                Arguments.of("/api/units", Map.of("authorization", "Basic dXNlcg=="), null, "forward:unit-registry"),
                Arguments.of("/api/units", Map.of(), ADDRESS, "429 retry-after=2"),
                Arguments.of("/api/units", Map.of("contentLength", "1000"), null, "forward:unit-registry"),
                Arguments.of("/api/units", Map.of("contentLength", "1001"), null, "413 close"),
                Arguments.of("/api/units", Map.of("chunked", true), null, "forward:unit-registry"),
                Arguments.of("/auth/token", Map.of("contentLength", "200"), null, "forward:gateway"),
                Arguments.of("/auth/token", Map.of("contentLength", "16385"), null, "413"),
                Arguments.of("/auth/token", Map.of("chunked", true), null, "413"),
                Arguments.of("/auth/token", Map.of("contentLength", "200"), ADDRESS, "429 retry-after=2"),
                Arguments.of("/api/health", Map.of(), ADDRESS, "forward:gateway"),
                Arguments.of("/q/openapi", Map.of(), ADDRESS, "forward:gateway"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("heads")
    void shouldDecideOnTheHeadAlone(String target, Map<String, Object> facts, String limited, String expected) {
        Environment environment = new Environment();
        if (limited != null) {
            environment.limited.add(limited);
        }
        AdmissionRules rules = new AdmissionRules(environment, true, LIMITS);

        assertEquals(expected, describe(rules.admit(head(target, facts))));
    }

    @Test
    void shouldNotAnswerAPreflightWhenCorsIsOff() {
        AdmissionRules rules = new AdmissionRules(new Environment(), false, LIMITS);

        AdmissionDecision decision =
                rules.admit(head("/api/units", Map.of("options", true, "preflight", true, "origin", "http://portal")));

        assertEquals("forward:unit-registry", describe(decision));
    }

    @Test
    void shouldChargeTheBucketOnlyOfRequestsThatReachTheRateLimit() {
        Environment environment = new Environment();
        AdmissionRules rules = new AdmissionRules(environment, true, LIMITS);

        rules.admit(head("/api/units/../x", Map.of()));
        rules.admit(head("/api/units", Map.of("authorization", "Bearer t")));
        rules.admit(head("/auth/token", Map.of("chunked", true)));
        rules.admit(head("/q/health", Map.of()));

        assertEquals(List.of(), environment.taken);
    }

    @Test
    void shouldLimitAVerifiedTokenByItsSubject() {
        Environment environment = new Environment();
        environment.limited.add(Admission.subjectKey("alice"));
        AdmissionRules rules = new AdmissionRules(environment, true, LIMITS);
        RequestHead head = head("/api/units", Map.of("authorization", "Bearer t"));

        assertEquals("429 retry-after=2", describe(rules.tokenValid(head, "alice")));
        assertEquals("forward:unit-registry", describe(rules.tokenValid(head, "bob")));
        assertEquals(List.of("sub:alice", "sub:bob"), environment.taken);
    }

    @Test
    void shouldRouteAfterTheTokenAndRefuseAnUnknownPath() {
        AdmissionRules rules = new AdmissionRules(new Environment(), true, LIMITS);

        assertEquals(
                "404", describe(rules.tokenValid(head("/api/nothing", Map.of("authorization", "Bearer t")), "alice")));
        assertEquals(
                "413 close",
                describe(rules.tokenValid(
                        head("/api/units", Map.of("authorization", "Bearer t", "contentLength", "5000")), "alice")));
    }

    @Test
    void shouldRefuseABadTokenWith401AfterChargingTheAddress() {
        Environment environment = new Environment();
        AdmissionRules rules = new AdmissionRules(environment, true, LIMITS);
        RequestHead head = head("/api/units", Map.of("authorization", "Bearer t"));

        Answer answer = (Answer) rules.tokenRefused(head, new IllegalStateException("keys unreachable"));

        assertEquals(401, answer.code().status());
        assertEquals("The token cannot be checked", answer.detail());
        assertEquals("www-authenticate", answer.header());
        assertEquals(
                "Bearer error=\"invalid_token\", error_description=\"The token cannot be checked\"",
                answer.headerValue());
        assertEquals(List.of(ADDRESS), environment.taken);

        environment.limited.add(ADDRESS);
        assertEquals("429 retry-after=2", describe(rules.tokenRefused(head, new IllegalStateException("x"))));
    }

    @Test
    void shouldAnswerAnUnreadableHeadInWordsOfTheLimits() {
        AdmissionRules rules = new AdmissionRules(new Environment(), true, LIMITS);

        Answer line = rules.unreadable(Unreadable.LINE_TOO_LONG);
        Answer headers = rules.unreadable(Unreadable.HEADERS_TOO_LARGE);
        Answer malformed = rules.unreadable(Unreadable.MALFORMED);

        assertEquals(414, line.code().status());
        assertEquals("The request line (method, target and version) is longer than 4096 bytes", line.detail());
        assertEquals(Map.of("maxBytes", 4096), line.context());
        assertEquals(431, headers.code().status());
        assertEquals("The request headers are larger than 16384 bytes", headers.detail());
        assertEquals(400, malformed.code().status());
    }

    @Test
    void shouldSayWhyABodyIsTooLarge() {
        Answer answer = AdmissionRules.tooLarge("/api/units", 10L << 20, "this one is longer");

        assertEquals(413, answer.code().status());
        assertEquals(
                "Bodies sent to /api/units may be at most 10 MB (10485760 bytes); this one is longer", answer.detail());
        assertEquals(Map.of("maxBytes", 10L << 20), answer.context());
        assertNull(answer.header());
    }

    private static String describe(AdmissionDecision decision) {
        if (decision instanceof Forward forward) {
            return "forward:" + forward.target().name();
        }
        if (decision instanceof CheckToken check) {
            return "check:" + check.token();
        }
        if (decision instanceof Preflight) {
            return "preflight";
        }
        Answer answer = assertInstanceOf(Answer.class, decision);
        return answer.code().status()
                + (answer.header() != null ? " " + answer.header() + "=" + answer.headerValue() : "")
                + (answer.close() ? " close" : "");
    }
}
