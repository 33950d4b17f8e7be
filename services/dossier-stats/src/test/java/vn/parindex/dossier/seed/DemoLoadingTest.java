package vn.parindex.dossier.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * Dossier statistics started with demo data on while the unit registry does not answer yet (issue 12): the loader
 * waits, the demo dossiers load once the registry answers — the communes' and the demo campaigns' units', whose
 * metrics are exactly the targets' ratios — and a second run loads nothing.
 */
@QuarkusTest
@TestProfile(DemoLoadingTest.DemoOn.class)
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = LateRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoLoadingTest {

    static final int DOSSIERS = 3_000;

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parindex.demo-data", "true",
                    "parindex.demo.dossiers", Integer.toString(DOSSIERS),
                    "parindex.demo.targets", "synthetic/test-targets.csv",
                    "parindex.demo.retry-interval", "1s",
                    "parindex.demo.wait", "3m",
                    // Every attempt in the log: the circuit breaker's open spell shows as CircuitBreakerOpenException.
                    "quarkus.log.category.\"vn.parindex.dossier.seed\".level", "DEBUG");
        }
    }

    @Inject
    DemoDossierLoader loader;

    @Test
    void shouldLoadTheDemoDossiersOnceTheRegistryAnswers() {
        if (!LateRegistry.answering()) {
            demoData()
                    .statusCode(503)
                    .body("checks[0].name", equalTo("demo-data"))
                    .body("checks[0].data.status", equalTo("LOADING"))
                    .body("checks[0].data.dossiers", equalTo(0));
        }

        Polling.until(Duration.ofMinutes(2), () -> {
            String state = demoData().extract().jsonPath().getString("checks[0].data.status");
            return "LOADED".equals(state) || "FAILED".equals(state);
        });

        JsonPath loaded = demoData().statusCode(200).extract().jsonPath();
        assertEquals("LOADED", loaded.getString("checks[0].data.status"), loaded.prettify());
        long stored = loaded.getLong("checks[0].data.communeDossiers");
        assertTrue(stored > 0 && stored <= DOSSIERS, loaded.prettify());
        // The campaign units' dossiers: 490 and 100 received, and 1.5 % more refused, withdrawn or cancelled.
        long campaign = loaded.getLong("checks[0].data.campaignDossiers");
        assertEquals(490 + 7 + 100 + 2, campaign, loaded.prettify());
        assertEquals(stored + campaign, loaded.getLong("checks[0].data.dossiers"), loaded.prettify());
        assertTrue(loaded.getInt("checks[0].data.attempts") > 1, "it had to wait: " + loaded.prettify());
        assertEquals(200 + 120, loaded.getLong("checks[0].data.procedures"));

        // The metrics scoring fetches for the campaign units are the targets' ratios.
        JsonPath city = given().queryParam("unitCode", "132")
                .queryParam("year", "2021")
                .queryParam("includeDescendants", "true")
                .when()
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(485, city.getLong("metrics.find { it.name == 'ON_TIME_RATE_RESOLVED' }.numerator"));
        assertEquals(490, city.getLong("metrics.find { it.name == 'ON_TIME_RATE_RESOLVED' }.denominator"));
        assertEquals(301, city.getLong("metrics.find { it.name == 'LEVEL34_SHARE' }.numerator"));
        assertEquals(490, city.getLong("metrics.find { it.name == 'LEVEL34_SHARE' }.denominator"));
        assertEquals(301, city.getLong("metrics.find { it.name == 'ONLINE_SHARE' }.numerator"));
        JsonPath office = given().queryParam("unitCode", "15.VP")
                .queryParam("year", "2020")
                .when()
                .get("/api/dossier-stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(96, office.getLong("metrics.find { it.name == 'ON_TIME_RATE_RESOLVED' }.numerator"));
        assertEquals(100, office.getLong("metrics.find { it.name == 'ON_TIME_RATE_RESOLVED' }.denominator"));

        // The demo's ratings, payments, digitisation and feedback give the communes a monthly service index.
        JsonPath index = given().queryParam("province", "15")
                .queryParam("month", "2025-08")
                .when()
                .get("/api/dossier-stats/service-index")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(
                index.getList("units.findAll { it.rank != null && it.complete }")
                                .size()
                        > 0,
                index.prettify());
        assertTrue(
                index.getLong("units[0].indicators.find { it.code == 'SATISFACTION_RATE' }.denominator") > 0,
                index.prettify());

        // The dossiers are there for the service's own statistics: province 15 and its communes.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        long received = given().queryParam("unitCode", "15")
                .queryParam("includeDescendants", "true")
                .queryParam("from", "2025-07-01")
                .queryParam("to", yesterday.toString())
                .when()
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total.counts.received");
        // Withdrawn and cancelled dossiers (about 3 %) are stored but not counted as received.
        assertTrue(received > stored * 9 / 10 && received <= stored, received + " of " + stored);

        // A restart finds them and loads nothing again.
        assertEquals(DemoDossierLoader.Outcome.ALREADY_PRESENT, loader.run());
        demoData().statusCode(200).body("checks[0].data.dossiers", equalTo((int) (stored + campaign)));
    }

    private static io.restassured.response.ValidatableResponse demoData() {
        return given().when().get("/q/health/group/demo-data").then();
    }
}
