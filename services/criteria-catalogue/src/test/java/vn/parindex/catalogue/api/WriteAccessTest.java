package vn.parindex.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Criteria sets are public reference data; editors and administrators change them. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WriteAccessTest {

    @Test
    void shouldLetAnonymousCallersReadAndEvaluateButNotWrite() {
        given().get("/api/criteria-sets").then().statusCode(200);
        given().get("/api/metrics").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/criteria-sets")
                .then()
                .statusCode(401)
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    @Test
    @TestSecurity(user = "appraiser", roles = "appraiser")
    void shouldRefuseWritesToOtherRoles() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/criteria-sets")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
