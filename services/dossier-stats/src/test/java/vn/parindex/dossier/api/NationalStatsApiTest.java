package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.dossier.api.DossierStatsApiTest.row;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The national report (every province, grouped by province) gives for each province exactly the province's own
 * report with its descendants, and a total that is their sum: over whole months (the monthly roll-up) and over a
 * period that is not (the dossiers themselves). The fake registry has provinces 15 (communes 04252, 04261) and 08
 * (commune 02500).
 */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NationalStatsApiTest {

    /** Dossiers of both provinces around the second quarter of 2026: open, resolved early and late, withdrawn. */
    private static final String DOSSIERS = String.join(
                    "\n",
                    row(
                            "N1",
                            "P1",
                            "04252",
                            "ONLINE",
                            "2026-04-06T09:00:00+07:00",
                            "2026-04-07T09:00:00+07:00",
                            "resolved"),
                    row(
                            "N2",
                            "P2",
                            "04261",
                            "DIRECT",
                            "2026-03-23T09:00:00+07:00",
                            "2026-05-11T09:00:00+07:00",
                            "resolved"),
                    row("N3", "P1", "04261", "POSTAL", "2026-05-04T09:00:00+07:00", null, "processing"),
                    row(
                            "N4",
                            "P2",
                            "02500",
                            "ONLINE",
                            "2026-04-01T09:00:00+07:00",
                            "2026-04-02T09:00:00+07:00",
                            "resolved"),
                    row("N5", "P1", "02500", "DIRECT", "2026-06-29T09:00:00+07:00", null, "processing"),
                    row(
                            "N6",
                            "P1",
                            "02500",
                            "ONLINE",
                            "2026-05-18T09:00:00+07:00",
                            "2026-05-18T10:00:00+07:00",
                            "withdrawn"))
            + "\n";

    @BeforeEach
    void dossiers() {
        DossierStatsApiTest.storeProceduresAndDossiers(DOSSIERS, "DVC-NATIONAL");
    }

    @Test
    void shouldGiveEachProvinceItsOwnReportAndTheirSum() {
        // Whole months (the roll-up), then a period that is not (the dossiers themselves).
        for (List<String> period : List.of(List.of("2026-04-01", "2026-06-30"), List.of("2026-04-02", "2026-06-29"))) {
            Response national = given().queryParam("from", period.get(0))
                    .queryParam("to", period.get(1))
                    .get("/api/dossier-stats/national")
                    .then()
                    .statusCode(200)
                    .body("unitCode", nullValue())
                    .body("groupBy", equalTo("province"))
                    .body("unitCount", equalTo(5))
                    .extract()
                    .response();
            List<String> keys = national.path("items.key");
            assertEquals(List.of("08", "15"), keys, period.toString());
            Map<String, Integer> sum = new TreeMap<>();
            for (String province : keys) {
                Map<String, Integer> own = province(province, period.get(0), period.get(1));
                Map<String, Integer> counts = national.path("items.find { it.key == '" + province + "' }.counts");
                Map<String, Integer> row = new TreeMap<>(counts);
                assertEquals(own, row, province + " " + period);
                row.forEach((name, n) -> sum.merge(name, n, Integer::sum));
            }
            Map<String, Integer> total = national.path("total.counts");
            assertEquals(sum, new TreeMap<>(total), period.toString());
            assertTrue(sum.get("received") >= 3, period.toString());
        }
    }

    @Test
    void shouldAnswerCsvToo() {
        given().queryParam("from", "2026-04-01")
                .queryParam("to", "2026-06-30")
                .queryParam("format", "csv")
                .get("/api/dossier-stats/national")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("\n08,"))
                .body(containsString("\ntotal,"));
    }

    @Test
    void shouldNameTheFieldOfABadPeriod() {
        given().queryParam("to", "2026-06-30")
                .get("/api/dossier-stats/national")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-06-30")
                .queryParam("to", "2026-04-01")
                .get("/api/dossier-stats/national")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("to"));
    }

    private static Map<String, Integer> province(String code, String from, String to) {
        Map<String, Integer> counts = given().queryParam("unitCode", code)
                .queryParam("includeDescendants", true)
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/dossier-stats")
                .then()
                .statusCode(200)
                .extract()
                .path("total.counts");
        return new TreeMap<>(counts);
    }
}
