package vn.parindex.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    /** Where %test puts the local issuer's key (application.properties). */
    private static final Path KEY_FILE = Path.of("target/test-keys/local-issuer.pem");

    static String tokenFor(String user) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", user)
                .post("/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    @Test
    void shouldIssueAnOAuthStyleTokenToADemoUser() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", "officer-132")
                .formParam("password", "officer-132")
                .post("/auth/token")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue());
    }

    @Test
    void shouldSignTokensServicesCanVerifyWithTheJwks() throws Exception {
        String jwks = given().get("/auth/jwks")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].d", equalTo(null))
                .extract()
                .asString();
        List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();

        // As a service does (mp.jwt.verify.publickey.location=…/auth/jwks, mp.jwt.verify.issuer=parindex-local).
        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer("parindex-local")
                .setRequireExpirationTime()
                .setRequireSubject()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .build()
                .processToClaims(tokenFor("officer-132"));

        assertEquals("officer-132", claims.getSubject());
        assertEquals("officer-132", claims.getStringClaimValue("preferred_username"));
        assertEquals(List.of("unit-officer"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("132"), claims.getStringListClaimValue("units"));
        assertEquals(
                3600,
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        JwtClaims appraiser = new JwtConsumerBuilder()
                .setExpectedIssuer("parindex-local")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .build()
                .processToClaims(tokenFor("appraiser"));
        assertEquals(List.of("appraiser"), appraiser.getStringListClaimValue("groups"));
        assertEquals(List.of("YB-*"), appraiser.getStringListClaimValue("campaigns"));
    }

    @Test
    void shouldRefuseAWrongPasswordAnUnknownUserAndOtherGrants() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", "admin")
                .formParam("password", "wrong")
                .post("/auth/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_GRANT"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", "nobody")
                .formParam("password", "nobody")
                .post("/auth/token")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_GRANT"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .post("/auth/token")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNSUPPORTED_GRANT_TYPE"));
    }

    @Test
    void shouldForwardAValidTokenUnchanged() {
        String token = tokenFor("admin");
        given().auth()
                .oauth2(token)
                .get("/api/campaigns")
                .then()
                .statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void shouldForwardAnonymousRequests() {
        given().get("/api/rankings/YB-DIST-2021").then().statusCode(200).body("headers.authorization", equalTo(null));
    }

    @Test
    void shouldRefuseATamperedTokenWith401AndNotForwardIt() {
        String token = tokenFor("officer-133");
        String[] parts = token.split("\\.");
        // Claims of another user under officer-133's signature.
        String forged = parts[0] + "." + tokenFor("admin").split("\\.")[1] + "." + parts[2];

        given().auth()
                .oauth2(forged)
                .get("/api/campaigns")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("code", equalTo("INVALID_TOKEN"))
                .body("detail", equalTo("The token's signature does not verify"))
                .body("service", equalTo(null));
    }

    @Test
    void shouldRefuseAnExpiredTokenAndOneFromAnotherIssuer() throws Exception {
        KeyPair pair = KeyFile.read(KEY_FILE);
        String kid = given().get("/auth/jwks").then().extract().path("keys[0].kid");
        long now = Instant.now().getEpochSecond();

        given().auth()
                .oauth2(sign(pair, kid, "parindex-local", now - 7200, now - 3600))
                .get("/api/units/04252")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"))
                .body("detail", containsString("expired"));
        given().auth()
                .oauth2(sign(pair, kid, "someone-else", now, now + 600))
                .get("/api/units/04252")
                .then()
                .statusCode(401)
                .body("detail", equalTo("The token was not issued by parindex-local"));
        given().auth()
                .oauth2(sign(pair, "no-such-key", "parindex-local", now, now + 600))
                .get("/api/units/04252")
                .then()
                .statusCode(401)
                .body("detail", containsString("unknown key"));
    }

    @Test
    void shouldRefuseGarbageAndAnEmptyBearerToken() {
        given().header("Authorization", "Bearer not-a-jwt")
                .get("/api/units/04252")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"))
                .body("detail", equalTo("The token is malformed"));
        given().header("Authorization", "Bearer")
                .get("/api/units/04252")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void shouldRefuseAnOversizedBodyOnTheTokenEndpointUnread() {
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=password&username=admin&password=" + "x".repeat(20_000))
                .post("/auth/token")
                .then()
                .statusCode(413)
                .body("code", equalTo("REQUEST_TOO_LARGE"));
    }

    @Test
    void shouldDocumentTheTokenEndpointInTheGatewaysOwnDocument() {
        given().get("/q/openapi-gateway?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/auth/token'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.size()", greaterThan(2));
    }

    private static String sign(KeyPair pair, String kid, String issuer, long issuedAt, long expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("admin");
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires));
        claims.setStringListClaim("groups", "admin");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
