package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.criteria.rules.demo.YenBai2021;

/**
 * The set as docker-compose configures it — Keycloak signs the tokens, the gateway and every service verify them
 * against the realm's issuer and JWK set, the gateway's local issuer is off — with the real Keycloak server and the
 * repository's realm file: every demo user signs in by the password grant, a short portal journey runs with their
 * tokens through the gateway, then the realm's signing key is rotated and a token of the new key must pass the
 * gateway and a service within a minute. Last, in headless Chromium, the portal's sign-in: {@code officer-132} goes
 * through Keycloak's own login page (authorization code + PKCE), the portal holds the realm's token and shows the
 * self-assessment form, and a score saved there reaches the API.
 *
 * <p>Runs in its own Surefire execution (its own JVM, after the other end-to-end classes have stopped their set),
 * since the set's ports are fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakJourneyTest {

    private static final String SCORING = "http://localhost:8083";
    private static final String CAMPAIGN = "YB-KC-2021";
    private static final String WEB_CAMPAIGN = "YB-KC-WEB-2021";

    /** The realm's demo users (DEMO credentials: password = user name) and their roles. */
    private static final Map<String, String> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("admin", "admin");
        DEMO_USERS.put("editor", "catalogue-editor");
        DEMO_USERS.put("officer-132", "unit-officer");
        DEMO_USERS.put("officer-133", "unit-officer");
        DEMO_USERS.put("appraiser", "appraiser");
        DEMO_USERS.put("integration", "integration");
    }

    private static KeycloakServer keycloak;
    private static RunningSet set;
    private static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void startKeycloakAndTheSet() throws Exception {
        Path root = Path.of(System.getProperty("parindex.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(System.getProperty("parindex.keycloak.home", "target/keycloak"))
                .toAbsolutePath();
        keycloak = KeycloakServer.start(root, home);
        // docker-compose's settings (there the services reach Keycloak as keycloak:8080 and the issuer is fixed to
        // the public URL; here both are the same localhost URL).
        set = RunningSet.start(
                root,
                "e2e-keycloak-home",
                Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUrl(),
                        "MP_JWT_VERIFY_ISSUER", keycloak.issuer(),
                        "PARINDEX_AUTH_ISSUER", keycloak.issuer(),
                        "PARINDEX_AUTH_JWKS_URL", keycloak.jwksUrl(),
                        "PARINDEX_AUTH_LOCAL_ISSUER_ENABLED", "false",
                        // The portal signs in through the realm (authorization code + PKCE).
                        "PARINDEX_PORTAL_OIDC_ISSUER", keycloak.issuer()));
        Duration ready = keycloak.awaitReady(HTTP, Duration.ofMinutes(5));
        System.out.printf("Keycloak ready %d s after its start%n", ready.toSeconds());
        set.await(
                HTTP,
                GW + "/api/health",
                body -> body.contains("\"status\":\"UP\"") && !body.contains("DOWN"),
                Duration.ofMinutes(4));
        // The campaign needs the catalogue's demo set (loaded at its start).
        set.await(HTTP, GW + "/api/criteria-sets/PAR_DIST_YB_2021", body -> true, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (set != null) {
                set.close();
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldSignInEveryDemoUserOfTheRealm() throws Exception {
        for (Map.Entry<String, String> user : DEMO_USERS.entrySet()) {
            HttpResponse<String> r = keycloak.passwordGrant(HTTP, user.getKey(), user.getKey());
            assertEquals(200, r.statusCode(), user.getKey() + ": " + r.body());
            String token = JSON.readTree(r.body()).get("access_token").asText();
            JsonNode claims = part(token, 1);
            assertEquals(keycloak.issuer(), claims.get("iss").asText());
            assertEquals(user.getKey(), claims.get("preferred_username").asText());
            assertEquals(List.of(user.getValue()), strings(claims.get("groups")), claims.toString());
            tokens.put(user.getKey(), token);
        }
        assertEquals(List.of("132"), strings(part(tokens.get("officer-132"), 1).get("units")));
        assertEquals(List.of("YB-*"), strings(part(tokens.get("appraiser"), 1).get("campaigns")));
        // A wrong password stays refused.
        assertEquals(
                401, keycloak.passwordGrant(HTTP, "admin", "not-the-password").statusCode());
    }

    @Test
    @Order(2)
    void shouldPlayAPortalJourneyWithKeycloakTokens() throws Exception {
        String admin = tokens.get("admin");
        String officer = tokens.get("officer-132");

        // The public reads without a token; an anonymous write is refused at the service (401).
        call("GET", "/api/criteria-sets/PAR_DIST_YB_2021", null, null, 200);
        call("GET", "/api/units/132?asOf=2021-12-31", null, null, 200);
        call(
                "POST",
                "/api/unit-groups",
                admin,
                Map.of(
                        "code",
                        "KC-YB-DISTRICTS",
                        "name",
                        "Huyện, thị xã, thành phố tỉnh Yên Bái (Keycloak e2e)",
                        "year",
                        2021,
                        "rule",
                        Map.of("parentCode", "15", "level", "DISTRICT", "asOf", "2021-12-31")),
                201);
        call(
                "POST",
                "/api/campaigns",
                admin,
                Map.of(
                        "code",
                        CAMPAIGN,
                        "year",
                        2021,
                        "criteriaSetCode",
                        "PAR_DIST_YB_2021",
                        "unitGroupCode",
                        "KC-YB-DISTRICTS",
                        "selfAssessmentDeadline",
                        "2099-12-31T17:00:00+07:00"),
                201);

        CriteriaSet district = DemoCatalogues.load().stream()
                .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
                .findFirst()
                .orElseThrow();
        Map<String, CriteriaNode> leaves = new HashMap<>();
        collect(district.nodes(), leaves);
        List<Map<String, Object>> self = new ArrayList<>();
        List<Map<String, Object>> fed = new ArrayList<>();
        for (Map.Entry<String, LeafInput> e : YenBai2021.leaves().entrySet()) {
            CriteriaNode leaf = leaves.get(e.getKey());
            if (leaf.scoreSource() == ScoreSource.AUTO) {
                fed.add(Map.of(
                        "criterionCode", e.getKey(), "points", leaf.maxPoints(), "reason", "Báo cáo TTHC năm 2021"));
            } else if (leaf.scoreSource() != ScoreSource.SURVEY) {
                self.add(YenBai2021.SelfEntry.of(e.getValue()).asJson(e.getKey()));
            }
        }
        Map<String, Object> scores = Map.of("scores", self);

        // The officer of unit 132 reads its campaign and self-assesses its own unit, not another one.
        assertEquals(
                CAMPAIGN,
                call("GET", "/api/campaigns/" + CAMPAIGN, officer, null, 200)
                        .get("code")
                        .asText());
        call("PUT", "/api/campaigns/" + CAMPAIGN + "/assessments/132/scores", null, scores, 401);
        call("PUT", "/api/campaigns/" + CAMPAIGN + "/assessments/132/scores", tokens.get("officer-133"), scores, 403);
        call("PUT", "/api/campaigns/" + CAMPAIGN + "/assessments/132/scores", officer, scores, 200);
        call("POST", "/api/campaigns/" + CAMPAIGN + "/assessments/132/submit", officer, null, 200);

        // The administrator moves the campaign on; the appraiser (campaigns YB-*) appraises.
        call("POST", "/api/campaigns/" + CAMPAIGN + "/close-self-assessment", admin, null, 200);
        call("POST", "/api/campaigns/" + CAMPAIGN + "/start-appraisal", admin, null, 200);
        call(
                "PUT",
                "/api/campaigns/" + CAMPAIGN + "/assessments/132/appraisal",
                tokens.get("appraiser"),
                Map.of("round", 1, "confirmSelfForOthers", true, "scores", fed),
                200);
        // The officer may not appraise; the catalogue editor drafts a new set; the integration client sends dossiers.
        call(
                "PUT",
                "/api/campaigns/" + CAMPAIGN + "/assessments/132/appraisal",
                officer,
                Map.of("round", 1, "confirmSelfForOthers", true, "scores", fed),
                403);
        call(
                "POST",
                "/api/criteria-sets/PAR_DIST_YB_2021/clone",
                tokens.get("editor"),
                Map.of("code", "KC_E2E_DRAFT_2022", "year", 2022),
                201);
        call("POST", "/api/dossiers/batch", tokens.get("integration"), List.of(), 200);
    }

    @Test
    @Order(3)
    void shouldAcceptTokensOfARotatedKeyWithinAMinute() throws Exception {
        String before =
                keycloak.passwordGrant(HTTP, "officer-132", "officer-132").body();
        String oldKid = part(JSON.readTree(before).get("access_token").asText(), 0)
                .get("kid")
                .asText();

        // The worst case: scoring has just fetched the JWK set again for a token naming a key it does not know (here
        // a forged one, sent past the gateway), so smallrye-jwt's forced-refresh interval starts now. With its
        // default of 30 minutes the new key's tokens were refused that long.
        Instant forgedAt = Instant.now();
        HttpResponse<String> forged = get(SCORING + "/api/campaigns/" + CAMPAIGN, forgedToken());
        assertEquals(401, forged.statusCode(), forged.body());

        keycloak.rotateSigningKey(HTTP);
        Instant rotatedAt = Instant.now();
        String token = JSON.readTree(keycloak.passwordGrant(HTTP, "officer-132", "officer-132")
                        .body())
                .get("access_token")
                .asText();
        String newKid = part(token, 0).get("kid").asText();
        assertNotEquals(oldKid, newKid, "Keycloak still signs with the old key");

        Duration gateway = null;
        Duration scoring = null;
        Duration scoringSinceForced = null;
        int scoringRefusals = 0;
        Instant until = rotatedAt.plusSeconds(100);
        while ((gateway == null || scoring == null) && Instant.now().isBefore(until)) {
            if (gateway == null) {
                HttpResponse<String> r = get(GW + "/api/campaigns/" + CAMPAIGN, token);
                if (!(r.statusCode() == 401 && r.body().contains("INVALID_TOKEN"))) {
                    gateway = Duration.between(rotatedAt, Instant.now());
                }
            }
            if (scoring == null) {
                HttpResponse<String> r = get(SCORING + "/api/campaigns/" + CAMPAIGN, token);
                if (r.statusCode() == 200) {
                    scoring = Duration.between(rotatedAt, Instant.now());
                    scoringSinceForced = Duration.between(forgedAt, Instant.now());
                } else {
                    assertEquals(401, r.statusCode(), r.body());
                    scoringRefusals++;
                }
            }
            if (gateway == null || scoring == null) {
                Thread.sleep(1000);
            }
        }
        System.out.printf(
                "Key rotation (kid %s → %s): the gateway accepted the new key's token after %s, scoring after %s"
                        + " (%d refusals; the forced JWK refetch before came %d ms before the rotation)%n",
                oldKid,
                newKid,
                gateway,
                scoring,
                scoringRefusals,
                Duration.between(forgedAt, rotatedAt).toMillis());
        assertTrue(gateway != null && gateway.toSeconds() <= 60, "gateway: " + gateway);
        // smallrye.jwt.jwks.forced-refresh-interval=1: at most a minute after the previous forced refetch (plus the
        // polling); with smallrye-jwt's default of 30 minutes scoring still refused the token at the end.
        assertTrue(
                scoringSinceForced != null && scoringSinceForced.toSeconds() <= 75,
                "scoring: " + scoring + " after the rotation, " + scoringSinceForced + " after the forced refetch");
        // Through the gateway to the service, end to end.
        assertEquals(
                CAMPAIGN,
                call("GET", "/api/campaigns/" + CAMPAIGN, token, null, 200)
                        .get("code")
                        .asText());
    }

    @Test
    @Order(4)
    void shouldSignTheOfficerInThroughKeycloaksLoginPageInTheBrowser() throws Exception {
        String admin = keycloakToken("admin");
        call(
                "POST",
                "/api/unit-groups",
                admin,
                Map.of(
                        "code",
                        "KC-WEB-YB-DISTRICTS",
                        "name",
                        "Huyện, thị xã, thành phố tỉnh Yên Bái (Keycloak browser e2e)",
                        "year",
                        2021,
                        "rule",
                        Map.of("parentCode", "15", "level", "DISTRICT", "asOf", "2021-12-31")),
                201);
        call(
                "POST",
                "/api/campaigns",
                admin,
                Map.of(
                        "code",
                        WEB_CAMPAIGN,
                        "year",
                        2021,
                        "criteriaSetCode",
                        "PAR_DIST_YB_2021",
                        "unitGroupCode",
                        "KC-WEB-YB-DISTRICTS",
                        "selfAssessmentDeadline",
                        "2099-12-31T17:00:00+07:00"),
                201);

        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(GW + "/#/sign-in");
            // The deployment's configuration: Keycloak offered, the local issuer's form not (it is off).
            WebElement viaKeycloak = wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc")));
            assertTrue(browser.findElements(By.id("username")).isEmpty(), "no local sign-in form");
            viaKeycloak.click();

            // Keycloak's own login page, on Keycloak's origin.
            wait.until(
                    ExpectedConditions.urlContains(keycloak.url() + "/realms/parindex/protocol/openid-connect/auth"));
            String authorize = browser.getCurrentUrl();
            assertTrue(authorize.contains("code_challenge_method=S256"), authorize);
            assertTrue(authorize.contains("code_challenge="), authorize);
            assertTrue(authorize.contains("client_id=parindex-portal"), authorize);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
                    .sendKeys("officer-132");
            browser.findElement(By.id("password")).sendKeys("officer-132");
            browser.findElement(By.id("kc-login")).click();

            // Back at the portal: the code exchanged (with the verifier) for the realm's token, the officer lands
            // on the open self-assessments.
            wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#open-campaigns a[href='#/assessment/" + WEB_CAMPAIGN + "']")))
                    .click();
            String token = (String) browser.executeScript("return sessionStorage.getItem('parindex.token')");
            JsonNode claims = part(token, 1);
            assertEquals(keycloak.issuer(), claims.get("iss").asText());
            assertEquals("officer-132", claims.get("preferred_username").asText());
            assertEquals("parindex-portal", claims.get("azp").asText());
            assertFalse(browser.getCurrentUrl().contains("code="), "the code left the address bar");
            assertTrue(
                    browser.findElement(By.id("nav-signin")).getText().contains("officer-132"),
                    "signed in as the officer");

            // The self-assessment form of unit 132, written through the gateway with the realm's token.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pts-D2_2")))
                    .sendKeys("1.5");
            browser.findElement(By.id("ev-D2_2")).sendKeys("Báo cáo rà soát VBQPPL 2021 (Keycloak)");
            browser.findElement(By.id("as-save")).click();
            wait.until(ExpectedConditions.textToBe(By.id("as-message"), "Đã lưu."));
            JsonNode assessment = call("GET", "/api/campaigns/" + WEB_CAMPAIGN + "/assessments/132", token, null, 200);
            JsonNode d22 = null;
            for (JsonNode s : assessment.get("scores")) {
                if (s.get("criterionCode").asText().equals("D2.2")) {
                    d22 = s;
                }
            }
            assertTrue(d22 != null, assessment.toString());
            assertEquals(
                    0,
                    new java.math.BigDecimal("1.5")
                            .compareTo(
                                    d22.get("self").get("score").get("points").decimalValue()));
            assertEquals(
                    "Báo cáo rà soát VBQPPL 2021 (Keycloak)",
                    d22.get("self").get("evidence").get(0).get("title").asText());
        } finally {
            browser.quit();
        }
    }

    /** A fresh token of a demo user by the password grant (the rotation test leaves older ones of an old key). */
    private static String keycloakToken(String user) throws Exception {
        HttpResponse<String> r = keycloak.passwordGrant(HTTP, user, user);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    /** A token of the realm's issuer signed by a key Keycloak never had (an unknown kid). */
    private static String forgedToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(
                JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "e2e-unknown-key")));
        String claims = b64.encodeToString(JSON.writeValueAsBytes(Map.of(
                "iss",
                keycloak.issuer(),
                "sub",
                "forged",
                "preferred_username",
                "admin",
                "groups",
                List.of("admin"),
                "iat",
                now,
                "exp",
                now + 300)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GW + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** Part {@code index} of a JWT (0 header, 1 claims), decoded. */
    private static JsonNode part(String jwt, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static void collect(List<CriteriaNode> nodes, Map<String, CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            into.put(n.code(), n);
            collect(n.children(), into);
        }
    }
}
