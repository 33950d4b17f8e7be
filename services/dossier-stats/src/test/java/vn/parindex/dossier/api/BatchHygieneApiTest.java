package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.parindex.dossier.api.DossierStatsApiTest.row;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * A bad row is that row's rejection: NUL bytes, repeated keys, overlong codes never fail the batch nor reach the
 * registry (its circuit breaker stays closed for the next client); every batch is recorded with who sent it.
 */
@QuarkusTest
@TestSecurity(user = "province-15-feed", roles = "integration")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BatchHygieneApiTest {

    @BeforeEach
    void procedures() {
        FakeRegistry.down = false;
        given().contentType(ContentType.JSON)
                .body(DossierStatsApiTest.PROCEDURES)
                .put("/api/procedures")
                .then()
                .statusCode(200);
    }

    /** Rows of August 2023: no other test of this database counts that year. */
    private static String good(String id) {
        return row(id, "P1", "04252", "ONLINE", "2023-08-01T09:00:00+07:00", "2023-08-04T09:00:00+07:00", "resolved");
    }

    @Test
    void shouldRejectOnlyTheBadRowsAndKeepTheGoodOnes() {
        String nul = good("NUL-1").replace("\"P1\"", "\"P\\u00001\"");
        String repeated = good("DUP-1").replace("{", "{\"dossierId\":\"DUP-0\",");
        String longUnit = good("LONG-1").replace("\"04252\"", "\"" + "4".repeat(100_000) + "\"");
        String wideUnit = good("WIDE-1").replace("\"04252\"", "\"" + "4".repeat(40) + "\"");
        String batch = String.join("\n", good("OK-1"), nul, repeated, longUnit, wideUnit, good("OK-2"));
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.ndjson(batch))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .header("Content-Location", containsString("/api/dossier-jobs/"))
                .body("inserted", equalTo(2))
                .body("rejected", equalTo(4))
                .body("rejections.line", org.hamcrest.Matchers.contains(2, 3, 4, 5))
                .body("rejections[0].field", equalTo("procedureCode"))
                .body("rejections[1].field", equalTo("dossierId"))
                // A 100,000-character row is refused whole; a 40-character code by its field.
                .body("rejections[2].field", equalTo("row"))
                .body("rejections[3].field", equalTo("unitCode"))
                .body(not(containsString("Exception")))
                .body(not(containsString("ERROR:")));
        // Ten overlong codes in a row did not open the breaker to the registry: the next batch is checked and stored.
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            many.append(longUnit.replace("LONG-1", "LONG-" + (i + 2))).append('\n');
        }
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.ndjson(many.toString()))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(12));
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.ndjson(good("OK-3")))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1));
    }

    @Test
    void shouldNumberJsonArrayRejectionsByItem() {
        String array = "[" + good("ARR-1") + "," + good("ARR-2").replace("\"ONLINE\"", "\"CARRIER_PIGEON\"") + ","
                + good("ARR-3").replace("\"04252\"", "\"99999\"") + "]";
        given().contentType(ContentType.JSON)
                .body(array)
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("rejections.line", org.hamcrest.Matchers.contains(2, 3));
    }

    @Test
    void shouldRecordWhoPushedEachBatch() {
        given().contentType("application/x-ndjson")
                .body(DossierStatsApiTest.ndjson(good("WHO-1")))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(200);
        given().queryParam("submittedBy", "province-15-feed")
                .get("/api/dossier-jobs")
                .then()
                .statusCode(200)
                .body("submittedBy", hasItem("province-15-feed"))
                .body("async", hasItem(false))
                .body("status", hasItem("DONE"));
        given().queryParam("limit", "0").get("/api/dossier-jobs").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "reader", roles = "admin")
    void shouldAnswerNotFoundForTheStatisticsOfAnUnknownUnit() {
        given().queryParam("unitCode", "abc")
                .queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-31")
                .get("/api/dossier-stats")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("UNIT_NOT_FOUND"));
        given().queryParam("unitCode", "a b")
                .queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-31")
                .get("/api/dossier-stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("unitCode"));
        given().queryParam("unitCode", "04252")
                .queryParam("from", "-999999999-01-01")
                .queryParam("to", "2025-07-31")
                .get("/api/dossier-stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
