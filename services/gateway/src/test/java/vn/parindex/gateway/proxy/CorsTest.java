package vn.parindex.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/** The portal (http://localhost:5173 by default) may call the API from the browser; other origins may not. */
@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorsTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    private static final String PORTAL = "http://localhost:5173";

    @Test
    void shouldAnswerAPreflightOfThePortal() {
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/campaigns/YB-DIST-2021/assessments/132/scores")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", equalTo("3600"))
                // Answered by the gateway: the preflight never reaches the service.
                .header("Location", nullValue());
    }

    @Test
    void shouldLetThePortalReadTheAnswerAndItsHeaders() {
        given().header("Origin", PORTAL)
                .get("/api/rankings/YB-DIST-2021")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void shouldNotAllowAnotherOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/criteria-sets/X")
                .then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }
}
