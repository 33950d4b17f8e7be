package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Reads are public reference data; writes are an administrator's. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WriteAccessTest {

    private static final String UNIT = "{\"code\":\"99001\",\"name\":\"Xã Thử\",\"type\":\"xã\",\"level\":\"COMMUNE\","
            + "\"parentCode\":\"15\",\"validFrom\":\"2026-01-01\",\"legalBasis\":\"test\"}";

    @Test
    void shouldLetAnonymousCallersReadButNotWrite() {
        given().get("/api/units/15").then().statusCode(200);
        // A read with a body (many codes), public like the other reads.
        given().contentType(ContentType.JSON)
                .body("{\"codes\":[\"15\"],\"from\":\"2024-12-31\",\"to\":\"2025-12-31\"}")
                .post("/api/units/lineage")
                .then()
                .statusCode(200)
                .body("items[0].code", equalTo("15"));
        given().contentType(ContentType.JSON)
                .body(UNIT)
                .post("/api/units")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    @Test
    @TestSecurity(user = "officer-132", roles = "unit-officer")
    void shouldRefuseWritesToOtherRoles() {
        given().contentType(ContentType.JSON)
                .body(UNIT)
                .post("/api/units")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
