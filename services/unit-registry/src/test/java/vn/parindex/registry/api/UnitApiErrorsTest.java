package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Bad input answers problem+json naming what is wrong. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnitApiErrorsTest {

    @Test
    void shouldAnswerUnknownCodeWithUnitNotFound() {
        given().get("/api/units/99999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("UNIT_NOT_FOUND"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/units/99999"));
    }

    @Test
    void shouldAnswerADateBeforeTheUnitExistedWith404() {
        // 06978 (xã Ba Chẽ) was created by the 2025 reform.
        given().queryParam("asOf", "2025-07-01").get("/api/units/06978").then().statusCode(200);
        given().queryParam("asOf", "2024-01-01")
                .get("/api/units/06978")
                .then()
                .statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"))
                .body("detail", containsString("2025-07-01"));
    }

    @Test
    void shouldNameAMalformedCode() {
        given().get("/api/units/12a4")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void shouldNameAMalformedDate() {
        given().queryParam("asOf", "2025-13-01")
                .get("/api/units/15")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].rejectedValue", equalTo("2025-13-01"));
        given().queryParam("from", "yesterday")
                .get("/api/unit-changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void shouldNameBadPagingAndLevel() {
        given().queryParam("size", "0")
                .get("/api/units")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("level", "HAMLET")
                .get("/api/units")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }

    @Test
    void shouldNameTheFieldOfAnInvalidBody() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"15.SNV\",\"name\":\"\",\"type\":\"sở\",\"level\":\"AGENCY\",\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"15.SNV\",\"name\":\"x\",\"type\":\"sở\",\"level\":\"AGENCY\",\"parentCode\":\"15\",\"validFrom\":\"01/07/2025\"}")
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("errors[0].field", equalTo("validFrom"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void shouldAnswerUnknownPathsAsProblems() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
