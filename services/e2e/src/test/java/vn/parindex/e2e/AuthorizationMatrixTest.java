package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every write operation of the merged OpenAPI document × every kind of caller, through the gateway of the set
 * started as the README starts it: anonymous, each role, a unit officer of another unit, an appraiser of another
 * campaign, and expired, forged, tampered and unsigned tokens. The expected status comes from the access rules
 * below (one line per family of paths); a write the rules do not know fails the test, so a new write cannot
 * arrive without its rule.
 *
 * <p>Requests never change stored data: campaign, set and unit codes in the paths do not exist, and bodies are
 * empty; an allowed caller therefore gets 400, 404, 405, 409 or 415 — anything but 401 and 403 — and never a 5xx.
 */
class AuthorizationMatrixTest {

    /** An appraiser's token names the campaigns {@code YB-*}: this campaign is "theirs", {@code HN-AUTHZ} not. */
    private static final String OWN_CAMPAIGN = "YB-AUTHZ";

    private static final String OTHER_CAMPAIGN = "HN-AUTHZ";

    /** Writes that only compute an answer from their body and change nothing: open to everyone. */
    private static final Set<String> PUBLIC_COMPUTATIONS =
            Set.of("POST /api/units/lineage", "POST /api/criteria-sets/{code}/evaluate");

    private static RunningSet set;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void startTheSetAndSignIn() throws Exception {
        Path root = Clients.ROOT;
        set = healthySet();
        // The gateway merges the services' documents as they come up: wait until all four are in it.
        set.await(
                HTTP,
                GW + "/q/openapi?format=json",
                body -> body.contains("\"/api/units/{code}\"")
                        && body.contains("\"/api/criteria-sets\"")
                        && body.contains("\"/api/campaigns\"")
                        && body.contains("\"/api/dossiers/batch\""),
                Duration.ofMinutes(3));
        for (String user : List.of("admin", "editor", "officer-132", "officer-133", "appraiser", "integration")) {
            TOKENS.put(user, token(user));
        }
        Path keyFile = root.resolve("services/e2e/target/e2e-home/keys/local-issuer.pem");
        String admin = TOKENS.get("admin");
        TOKENS.put(
                "expired",
                resign(
                        admin,
                        claims -> claims.put(
                                        "exp", Instant.now().minusSeconds(600).getEpochSecond())
                                .put("iat", Instant.now().minusSeconds(4200).getEpochSecond()),
                        issuerKey(keyFile)));
        TOKENS.put("forged", resign(admin, claims -> {}, strangerKey()));
        TOKENS.put("tampered", tampered(TOKENS.get("officer-132")));
        TOKENS.put("unsigned", unsigned(admin));
    }

    /** What a caller may do on an operation: the access rules of docs/architecture.md, one line per family. */
    private enum Expect {
        ALLOWED,
        FORBIDDEN,
        UNAUTHENTICATED
    }

    private static Expect expect(String op, String path, String caller) {
        if (Set.of("expired", "forged", "tampered", "unsigned", "anonymous").contains(caller)) {
            return Expect.UNAUTHENTICATED;
        }
        boolean admin = caller.equals("admin");
        if (op.startsWith("POST /api/criteria-sets")
                || op.startsWith("PUT /api/criteria-sets")
                || op.startsWith("DELETE /api/criteria-sets")) {
            return admin || caller.equals("editor") ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.matches("(POST|PUT|DELETE) /api/(units|unit-events|unit-groups)(/.*)?")) {
            return admin ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.startsWith("PUT /api/procedures")
                || op.startsWith("POST /api/dossiers/batch")
                || op.equals("POST /api/dossiers/{kind}/batch")) {
            return admin || caller.equals("integration") ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.startsWith("PUT /api/calendar") || op.startsWith("PUT /api/indices")) {
            return admin ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.matches(".* /api/campaigns/\\{code}/assessments/\\{unitCode}/(scores|submit|withdraw|explanations)")) {
            // The path names unit 132: its officer acts for it, the officer of 133 does not.
            return admin || caller.equals("officer-132") ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.matches(".* /api/campaigns/\\{code}/assessments/\\{unitCode}/appraisal")) {
            boolean ownCampaign = path.contains("/" + OWN_CAMPAIGN + "/");
            return admin || (caller.equals("appraiser") && ownCampaign) ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.equals("POST /api/campaigns/{code}/contests")) {
            // Unit officers (of the unit the body names: an empty body names none, so both get 400) and admins.
            return admin || caller.startsWith("officer-") ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.equals("POST /api/campaigns/{code}/contests/{id}/decision")) {
            // The campaign's appraisal council: the appraiser's token names YB-*.
            boolean ownCampaign = path.contains("/" + OWN_CAMPAIGN + "/");
            return admin || (caller.equals("appraiser") && ownCampaign) ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        if (op.matches("(POST|PUT|DELETE) /api/campaigns(/.*)?")) {
            return admin ? Expect.ALLOWED : Expect.FORBIDDEN;
        }
        throw new AssertionError("No access rule for " + op + ": add its line to AuthorizationMatrixTest.expect");
    }

    @Test
    void shouldAnswerEveryWriteAsTheAccessRulesSay() throws Exception {
        JsonNode doc = JSON.readTree(get("/q/openapi?format=json"));
        List<String> violations = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("post", "put", "delete", "patch")) {
                JsonNode operation = p.getValue().get(method);
                if (operation == null || p.getKey().startsWith("/auth/")) {
                    continue;
                }
                String op = method.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
                if (PUBLIC_COMPUTATIONS.contains(op)) {
                    continue;
                }
                operations++;
                List<String> concrete = new ArrayList<>(List.of(concrete(p.getKey(), OWN_CAMPAIGN)));
                if (p.getKey().contains("/assessments/{unitCode}/appraisal")
                        || p.getKey().endsWith("/contests/{id}/decision")) {
                    concrete.add(concrete(p.getKey(), OTHER_CAMPAIGN));
                }
                String mediaType = mediaType(operation);
                for (String path : concrete) {
                    for (String caller : callers()) {
                        Expect expected = expect(op, path, caller);
                        HttpResponse<String> r = send(method, path, caller, mediaType);
                        requests++;
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        String problem = check(expected, r);
                        if (r.statusCode() < 300) {
                            System.out.printf(
                                    "Authorization matrix: %s as %s answered %d%n", op, caller, r.statusCode());
                        }
                        if (problem != null) {
                            violations.add(op + " as " + caller + " (" + path + "): expected " + expected + ", got "
                                    + r.statusCode() + " " + abbreviate(r.body()) + " — " + problem);
                        }
                    }
                }
            }
        }
        System.out.printf(
                "Authorization matrix: %d write operations, %d callers, %d requests, statuses %s, %d violations%n",
                operations, callers().size(), requests, statuses, violations.size());
        violations.forEach(v -> System.out.println("Authorization matrix violation: " + v));
        assertEquals(List.of(), violations);
        assertTrue(operations >= 30, "the document lists the writes (" + operations + ")");
    }

    private static List<String> callers() {
        List<String> callers = new ArrayList<>(TOKENS.keySet());
        callers.add("anonymous");
        return callers;
    }

    private static String check(Expect expected, HttpResponse<String> r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400
                && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not problem+json";
        }
        return switch (expected) {
            case UNAUTHENTICATED -> status == 401 ? null : "must be 401";
            case FORBIDDEN -> status == 403 ? null : "must be 403";
            case ALLOWED -> status == 401 || status == 403 ? "must be let through" : null;
        };
    }

    private static String concrete(String template, String campaign) {
        boolean campaignPath = template.startsWith("/api/campaigns/");
        return template.replace("{code}", campaignPath ? campaign : "AUTHZ-NONE")
                .replace("{unitCode}", "132")
                .replace("{nodeCode}", "AUTHZ-N")
                .replace("{indexCode}", "AUTHZ")
                .replace("{year}", "2031")
                .replace("{id}", "999999999")
                .replace("{kind}", "ratings")
                .replace("{otherCode}", "AUTHZ-OTHER");
    }

    private static String mediaType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        if (content.has("application/json")) {
            return "application/json";
        }
        return content.fieldNames().next();
    }

    private static HttpResponse<String> send(String method, String path, String caller, String mediaType)
            throws Exception {
        String body = mediaType == null ? "" : mediaType.contains("json") ? "{}" : "";
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GW + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method.toUpperCase(java.util.Locale.ROOT),
                            mediaType == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (mediaType != null) {
                b.header("Content-Type", mediaType);
            }
            if (!caller.equals("anonymous")) {
                b.header("Authorization", "Bearer " + TOKENS.get(caller));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 429 || attempt > 20) {
                return r;
            }
            // The gateway's per-client rate limit: wait as it says, then ask again.
            long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(200, wait * 1000));
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(GW + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    // --- Tokens a client should never get through with -------------------------------------------------------

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** The token's claims changed by {@code change} and signed again with {@code key} (same header and kid). */
    private static String resign(String token, java.util.function.Consumer<ObjectNode> change, PrivateKey key)
            throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(UNB64.decode(parts[1]));
        change.accept(claims);
        String signingInput = parts[0] + "." + B64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rs256.sign());
    }

    /** A unit officer's token whose roles were edited to admin, keeping the original signature. */
    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(UNB64.decode(parts[1]));
        claims.putArray("groups").add("admin");
        return parts[0] + "." + B64.encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    /** The administrator's claims under {@code "alg": "none"} and no signature. */
    private static String unsigned(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(UNB64.decode(parts[0]));
        header.put("alg", "none");
        return B64.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1] + ".";
    }

    /** The local issuer's own key (the set's data folder), so the expired token is genuine but for its age. */
    private static PrivateKey issuerKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        String base64 = Pattern.compile("-----(BEGIN|END) PRIVATE KEY-----|\\s")
                .matcher(text)
                .replaceAll("");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrivateKey strangerKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair().getPrivate();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
