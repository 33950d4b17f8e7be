package vn.parindex.dossier.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** A registry that never answers: after parindex.demo.wait the demo data is FAILED and says what it waited for. */
@QuarkusTest
@TestProfile(DemoLoadingGivesUpTest.ShortWait.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoLoadingGivesUpTest {

    /** Nothing listens on port 9 (discard) of the loopback on a build machine. */
    static final String SILENT_REGISTRY = "http://127.0.0.1:9";

    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parindex.demo-data", "true",
                    "parindex.demo.wait", "3s",
                    "parindex.demo.retry-interval", "1s",
                    "quarkus.rest-client.unit-registry.url", SILENT_REGISTRY);
        }
    }

    @Test
    void shouldReportFailedNamingTheRegistryAfterTheWaitLimit() {
        Polling.until(
                Duration.ofSeconds(60),
                () -> "FAILED"
                        .equals(given().get("/q/health/group/demo-data")
                                .then()
                                .extract()
                                .jsonPath()
                                .getString("checks[0].data.status")));

        given().get("/q/health/group/demo-data")
                .then()
                .statusCode(503)
                .body("checks[0].data.message", containsString("unit registry (" + SILENT_REGISTRY + ")"))
                .body("checks[0].data.message", containsString("parindex.demo.wait"))
                .body("checks[0].data.dossiers", equalTo(0));
    }
}
