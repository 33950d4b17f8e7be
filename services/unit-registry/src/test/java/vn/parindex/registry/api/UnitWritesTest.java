package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Creating agencies, dated changes, merges and splits: history is kept, overlaps and cycles refused. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnitWritesTest {

    private static String agency(String code, String name, String parent, String validFrom) {
        return """
                {"code":"%s","name":"%s","type":"sở","level":"AGENCY","parentCode":"%s","validFrom":"%s",
                 "legalBasis":"Quyết định thành lập"}""".formatted(code, name, parent, validFrom);
    }

    @Test
    void shouldCreateAnAgencyUnderAProvinceAndKeepItsHistoryOnRename() {
        given().contentType(ContentType.JSON)
                .body(agency("15.SNV", "Sở Nội vụ", "15", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        equalTo("http://localhost:" + io.restassured.RestAssured.port
                                + "/api/units/15.SNV?asOf=2025-07-01"))
                .body("level", equalTo("AGENCY"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"effectiveDate\":\"2026-03-01\",\"name\":\"Sở Nội vụ tỉnh Lào Cai\",\"legalBasis\":\"QĐ 12/QĐ-UBND\"}")
                .post("/api/units/15.SNV/changes")
                .then()
                .statusCode(201)
                .body("validFrom", equalTo("2026-03-01"));
        given().get("/api/units/15.SNV/history")
                .then()
                .statusCode(200)
                .body("name", contains("Sở Nội vụ", "Sở Nội vụ tỉnh Lào Cai"))
                .body("validTo", contains("2026-02-28", null));
        given().queryParam("asOf", "2025-12-31").get("/api/units/15.SNV").then().body("name", equalTo("Sở Nội vụ"));
        given().queryParam("asOf", "2026-01-01")
                .get("/api/units/15/children")
                .then()
                .body("items.code", hasItem("15.SNV"));
    }

    @Test
    void shouldRefuseAReusedCode() {
        given().contentType(ContentType.JSON)
                .body(agency("01.SYT", "Sở Y tế", "01", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(agency("01.SYT", "Sở Y tế", "01", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(409)
                .body("code", equalTo("UNIT_CODE_EXISTS"));
    }

    @Test
    void shouldRefuseAChangeThatOverlapsAnExistingVersion() {
        // 04252's current version starts 2025-07-01: a change effective on or before it would overlap.
        given().contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2025-07-01\",\"name\":\"Phường Khác\",\"legalBasis\":\"x\"}")
                .post("/api/units/04252/changes")
                .then()
                .statusCode(409)
                .body("code", equalTo("VALIDITY_OVERLAP"))
                .body("errors[0].field", equalTo("effectiveDate"));
        // A closed version can never change.
        given().contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2025-01-01\",\"name\":\"Phường Khác\",\"legalBasis\":\"x\"}")
                .post("/api/units/04249/changes")
                .then()
                .statusCode(409)
                .body("code", equalTo("VALIDITY_OVERLAP"));
    }

    @Test
    void shouldRefuseAParentCycle() {
        given().contentType(ContentType.JSON)
                .body(agency("22.BQL", "Ban quản lý", "22", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(agency("22.BQL-KKT", "Ban quản lý khu kinh tế", "22.BQL", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2026-01-01\",\"parentCode\":\"22.BQL-KKT\",\"legalBasis\":\"x\"}")
                .post("/api/units/22.BQL/changes")
                .then()
                .statusCode(409)
                .body("code", equalTo("PARENT_CYCLE"));
        given().queryParam("asOf", "2026-06-01").get("/api/units/22.BQL").then().body("parentCode", equalTo("22"));
    }

    @Test
    void shouldRefuseAParentOfTheWrongLevel() {
        given().contentType(ContentType.JSON)
                .body(agency("04252.X", "Sở lạ", "04252", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().contentType(ContentType.JSON)
                .body(agency("ZZ.SNV", "Sở lạ", "04252", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_PARENT"))
                .body("errors[0].field", equalTo("parentCode"));
    }

    @Test
    void shouldMergeTwoCommunesWithLineage() {
        // Two communes of Đồng Nai (75) merge in 2026 into the first; the second closes.
        String body = """
                {"kind":"MERGE","effectiveDate":"2026-04-30","legalBasis":"Nghị quyết 30/2026/QH16",
                 "predecessors":[{"code":"26368"},{"code":"26425"}],
                 "successors":[{"code":"26368","name":"Phường Hợp Nhất","type":"phường"}]}""";
        int id = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/unit-events")
                .then()
                .statusCode(201)
                .body("kind", equalTo("MERGE"))
                .body("links", hasSize(2))
                .extract()
                .path("id");
        given().get("/api/unit-events/" + id)
                .then()
                .statusCode(200)
                .body("links.predecessorCode", contains("26368", "26425"));
        given().queryParam("asOf", "2026-04-30")
                .get("/api/units/26368/lineage")
                .then()
                .body("predecessors.code", hasItem("26425"))
                .body("predecessors.find { it.code == '26425' }.effectiveDate", equalTo("2026-04-30"));
        given().queryParam("asOf", "2026-04-30").get("/api/units/26425").then().statusCode(404);
        given().queryParam("asOf", "2026-04-30")
                .get("/api/units/26368")
                .then()
                .body("name", equalTo("Phường Hợp Nhất"));
        // Merging the closed unit again overlaps.
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/unit-events")
                .then()
                .statusCode(409)
                .body("code", equalTo("VALIDITY_OVERLAP"));
    }

    @Test
    void shouldRequireChildMovesWhenSplittingAUnitWithChildren() {
        given().contentType(ContentType.JSON)
                .body(agency("31.SXD", "Sở Xây dựng", "31", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(agency("31.SXD-1", "Phòng 1", "31.SXD", "2025-07-01"))
                .post("/api/units")
                .then()
                .statusCode(201);
        String split = """
                {"kind":"SPLIT","effectiveDate":"2026-01-01","legalBasis":"QĐ tách sở",
                 "predecessors":[{"code":"31.SXD"}],
                 "successors":[{"code":"31.SXD-A","name":"Sở Xây dựng A","type":"sở","level":"AGENCY","parentCode":"31"},
                               {"code":"31.SXD-B","name":"Sở Xây dựng B","type":"sở","level":"AGENCY","parentCode":"31"}]%s}""";
        given().contentType(ContentType.JSON)
                .body(split.formatted(""))
                .post("/api/unit-events")
                .then()
                .statusCode(409)
                .body("code", equalTo("UNIT_HAS_CHILDREN"))
                .body("errors[0].rejectedValue", equalTo("31.SXD-1"));
        // Nothing was half-written by the refused split.
        given().queryParam("asOf", "2026-01-01").get("/api/units/31.SXD").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(split.formatted(",\"childMoves\":{\"31.SXD-1\":\"31.SXD-B\"}"))
                .post("/api/unit-events")
                .then()
                .statusCode(201)
                .body("links.part", contains("PARTIAL", "PARTIAL"));
        given().queryParam("asOf", "2026-01-01")
                .get("/api/units/31.SXD-1")
                .then()
                .body("parentCode", equalTo("31.SXD-B"));
        given().queryParam("asOf", "2025-12-31")
                .get("/api/units/31.SXD-1")
                .then()
                .body("parentCode", equalTo("31.SXD"));
    }
}
