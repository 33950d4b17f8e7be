package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * What the outside probe of issue 13 sent the registry: NUL bytes, repeated keys, wrong JSON types, nulls in lists,
 * overlong strings, extreme dates — each a 400 problem naming the field, nothing stored; and every write names its
 * author.
 */
@QuarkusTest
@TestSecurity(user = "officer-of-record", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InputHygieneTest {

    private static ValidatableResponse refused(ValidatableResponse r) {
        return r.statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("ERROR:")));
    }

    private static ValidatableResponse postUnit(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/units")
                .then();
    }

    @Test
    void shouldRefuseMalformedUnitBodiesNamingTheField() {
        refused(postUnit("{\"code\":\"15.NUL\",\"name\":\"S\\u0000ở\",\"type\":\"sở\",\"level\":\"AGENCY\","
                        + "\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}"))
                .body("errors[0].field", equalTo("name"));
        refused(postUnit(
                        "{\"code\":\"15.DUP\",\"code\":\"15.DUP2\",\"name\":\"Sở\",\"type\":\"sở\",\"level\":\"AGENCY\","
                                + "\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}"))
                .body("errors[0].field", equalTo("code"));
        refused(postUnit("{\"code\":true,\"name\":\"Sở\",\"type\":\"sở\",\"level\":\"AGENCY\","
                        + "\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}"))
                .body("errors[0].field", equalTo("code"));
        refused(postUnit("{\"code\":\"15.LONG\",\"name\":\"" + "x".repeat(100_000) + "\",\"type\":\"sở\","
                        + "\"level\":\"AGENCY\",\"parentCode\":\"15\",\"validFrom\":\"2025-07-01\"}"))
                .body("errors[0].field", equalTo("name"));
        refused(postUnit("{\"code\":\"15.OLD\",\"name\":\"Sở\",\"type\":\"sở\",\"level\":\"AGENCY\","
                        + "\"parentCode\":\"15\",\"validFrom\":\"-999999999-01-01\"}"))
                .body("errors[0].field", equalTo("validFrom"));
        for (String code : new String[] {"15.NUL", "15.DUP", "15.DUP2", "15.LONG", "15.OLD"}) {
            given().get("/api/units/" + code + "/history").then().statusCode(404);
        }
    }

    @Test
    void shouldRefuseControlCharactersAndExtremeDatesInPathAndQuery() {
        refused(given().urlEncodingEnabled(false).get("/api/units/15%00").then())
                .body("errors[0].field", equalTo("path"));
        refused(given().urlEncodingEnabled(false).get("/api/units?q=a%00b").then())
                .body("errors[0].field", equalTo("q"));
        refused(given().queryParam("asOf", "-999999999-01-01")
                        .get("/api/units/15")
                        .then())
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void shouldRefuseANullPredecessorWithoutStoringTheEvent() {
        refused(given().contentType(ContentType.JSON)
                        .body("{\"kind\":\"MERGE\",\"effectiveDate\":\"2026-05-01\",\"legalBasis\":\"NQ\","
                                + "\"predecessors\":[{\"code\":\"26368\"},null],\"successors\":[{\"code\":\"26368\"}]}")
                        .post("/api/unit-events")
                        .then())
                .body("errors[0].field", startsWith("predecessors[1]"));
        refused(given().contentType(ContentType.JSON)
                        .body("{\"kind\":\"MERGE\",\"effectiveDate\":\"2026-05-01\",\"legalBasis\":\"NQ\","
                                + "\"predecessors\":[{\"code\":\"" + "1".repeat(40) + "\"}]}")
                        .post("/api/unit-events")
                        .then())
                .body("errors[0].field", startsWith("predecessors[0].code"));
    }

    @Test
    void shouldRecordWhoMadeEachWrite() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"15.SGD","name":"Sở Giáo dục","type":"sở","level":"AGENCY","parentCode":"15",
                         "validFrom":"2025-07-01","legalBasis":"QĐ thành lập"}""")
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"15.SGD-2","name":"Sở Giáo dục 2","type":"sở","level":"AGENCY","parentCode":"15",
                         "validFrom":"2025-07-01","legalBasis":"QĐ thành lập"}""")
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"MERGE","effectiveDate":"2026-02-01","legalBasis":"QĐ hợp nhất",
                         "predecessors":[{"code":"15.SGD"},{"code":"15.SGD-2"}],"successors":[{"code":"15.SGD"}]}""")
                .post("/api/unit-events")
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("officer-of-record"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"code":"HYGIENE-GROUP","name":"Nhóm","year":2025,"memberCodes":["15.SGD"],
                         "asOf":"2025-12-31"}""")
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("officer-of-record"));
        given().get("/api/unit-groups/HYGIENE-GROUP").then().body("createdBy", equalTo("officer-of-record"));
    }
}
