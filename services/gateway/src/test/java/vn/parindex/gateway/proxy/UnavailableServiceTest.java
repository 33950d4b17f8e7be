package vn.parindex.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/** A service that hangs or is down: 503 naming it within the timeout (1 s in tests), the others unaffected. */
@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnavailableServiceTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    @AfterEach
    void restore() {
        StubUpstreams.restoreAll();
    }

    @Test
    void shouldAnswer503NamingAServiceThatDoesNotAnswerWithinTheTimeout() {
        StubUpstreams.silence("scoring");

        long started = System.nanoTime();
        given().header("X-Request-Id", "slow-1")
                .get("/api/rankings/YB-DIST-2021")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo("slow-1"))
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("status", equalTo(503))
                .body("detail", equalTo("scoring did not answer within 1 s"))
                .body("context.service", equalTo("scoring"))
                .body("instance", equalTo("/api/rankings/YB-DIST-2021"));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMs >= 900 && tookMs < 3000, "503 after " + tookMs + " ms, timeout is 1 s");

        // The other services still answer at once.
        given().get("/api/units/04252").then().statusCode(200).time(lessThan(1000L));
    }

    @Test
    void shouldAnswer503AtOnceForAServiceThatIsDown() {
        StubUpstreams.refuse("criteria-catalogue");

        given().get("/api/criteria-sets/X")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body(
                        "detail",
                        equalTo("criteria-catalogue is not reachable at " + StubUpstreams.url("criteria-catalogue")))
                .body("context.service", equalTo("criteria-catalogue"))
                .time(lessThan(1000L));

        StubUpstreams.restore("criteria-catalogue");
        given().get("/api/criteria-sets/X").then().statusCode(200);
    }

    @Test
    void shouldAnswer503ToAnUploadForADownServiceWithoutReadingIt() {
        StubUpstreams.refuse("dossier-stats");

        given().contentType("application/x-ndjson")
                .body("{\"dossierId\":\"1\"}\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(503)
                .body("context.service", equalTo("dossier-stats"));
    }

    @Test
    void shouldListEachServiceInTheAggregatedHealth() {
        given().get("/api/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "services.name",
                        equalTo(List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats")))
                .body("services.status", everyItem(equalTo("UP")))
                .body("services[0].url", equalTo(StubUpstreams.url("unit-registry")));

        StubUpstreams.silence("scoring");
        given().get("/api/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("DOWN"))
                .body("services.find { it.name == 'scoring' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'unit-registry' }.status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'scoring' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'dossier-stats' }.status", equalTo("UP"))
                .body("checks.name", hasItem("unit-registry"));
    }

    @Test
    void shouldBeReadyWhenEveryServiceIs() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("criteria-catalogue"))
                .body("checks.find { it.name == 'scoring' }.data.url", equalTo(StubUpstreams.url("scoring")));
    }
}
