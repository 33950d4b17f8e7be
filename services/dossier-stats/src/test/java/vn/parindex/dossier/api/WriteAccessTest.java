package vn.parindex.dossier.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Procedures, the calendar and aggregate statistics are public; dossiers are pushed by integration clients. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WriteAccessTest {

    private static final String ROW = "{\"sourceSystem\":\"T\",\"dossierId\":\"1\",\"procedureCode\":\"P\","
            + "\"unitCode\":\"04252\",\"channel\":\"ONLINE\",\"receivedAt\":\"2025-08-01T08:00:00+07:00\",\"status\":\"received\"}";

    @Test
    void shouldLetAnonymousCallersReadButNotPushDossiers() {
        given().get("/api/calendar/2025").then().statusCode(200);
        given().contentType("application/x-ndjson")
                .body(ROW.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(401)
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    @Test
    @TestSecurity(user = "officer-132", roles = "unit-officer")
    void shouldRefuseDossierPushesToOtherRoles() {
        given().contentType("application/x-ndjson")
                .body(ROW.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/dossiers/batch")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
