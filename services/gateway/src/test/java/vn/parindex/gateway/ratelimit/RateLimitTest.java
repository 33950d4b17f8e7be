package vn.parindex.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/** 1 request per second and a burst of 5 per client, so the limit is reached within a test. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parindex.gateway.rate-limit.requests-per-second", "1",
                    "parindex.gateway.rate-limit.burst", "5");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubUpstreams.class));
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheBurstAndKeepTokenHoldersApart() {
        // Signing in first: the token endpoint is limited by address like anonymous requests.
        String token = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", "editor")
                .formParam("password", "editor")
                .post("/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response response = given().get("/api/units/04252");
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        if (limited == null) {
            throw new AssertionError("10 anonymous requests in a row were never limited (burst 5)");
        }
        limited.then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .header("X-Request-Id", notNullValue())
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429))
                .body("context.retryAfterSeconds", equalTo(1));

        // The address is limited; a signed-in user is counted by the token's subject instead.
        given().auth().oauth2(token).get("/api/units/04252").then().statusCode(200);
    }
}
