package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Name search, peer groups and CSV import. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SearchGroupsImportTest {

    @Test
    void shouldFindPhuongYenNinhWithoutDiacritics() {
        given().queryParam("q", "yen ninh")
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Phường Yên Ninh"));
        // Exact name matches (several communes are called Yên Ninh) come before names that merely contain it.
        given().queryParam("q", "yen ninh")
                .queryParam("asOf", "2025-06-30")
                .queryParam("size", 5)
                .get("/api/units")
                .then()
                .body("items.name", hasItem("Phường Yên Ninh"))
                .body("items.name", everyItem(org.hamcrest.Matchers.endsWith("Yên Ninh")));
    }

    @Test
    void shouldFindBothToneMarkSpellings() {
        given().queryParam("q", "Hoa Binh")
                .queryParam("asOf", "2025-06-30")
                .queryParam("size", 100)
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("items.name", hasItems("Tỉnh Hoà Bình", "Thành phố Hòa Bình", "Huyện Hoà Bình", "Xã Hòa Bình"));
        // With marks, both placements of the same tone rank before names that merely fold alike.
        given().queryParam("q", "Hòa Bình")
                .queryParam("asOf", "2025-06-30")
                .queryParam("size", 3)
                .get("/api/units")
                .then()
                .body(
                        "items.name",
                        everyItem(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.endsWith("Hòa Bình"),
                                org.hamcrest.Matchers.endsWith("Hoà Bình"))));
    }

    @Test
    void shouldRankExactNamesBeforePartialMatches() {
        given().queryParam("q", "lao cai")
                .queryParam("asOf", "2025-07-01")
                .get("/api/units")
                .then()
                .body("items[0].name", equalTo("Tỉnh Lào Cai"));
        given().queryParam("q", "0425")
                .queryParam("asOf", "2025-06-30")
                .get("/api/units")
                .then()
                .body("items.code", everyItem(startsWith("0425")));
    }

    @Test
    void shouldBuildAGroupFromARule() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"YB-2021\",\"name\":\"Huyện, thị xã, thành phố tỉnh Yên Bái\",\"year\":2021,"
                        + "\"rule\":{\"parentCode\":\"15\",\"level\":\"DISTRICT\",\"asOf\":\"2021-12-31\"}}")
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("memberCount", equalTo(9));
        given().get("/api/unit-groups/YB-2021")
                .then()
                .statusCode(200)
                .body("members.code", hasItem("132"))
                .body("members.parentCode", everyItem(equalTo("15")))
                .body("rule.parentCode", equalTo("15"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"YB-2021\",\"name\":\"again\",\"year\":2021,\"memberCodes\":[\"132\"]}")
                .post("/api/unit-groups")
                .then()
                .statusCode(409)
                .body("code", equalTo("GROUP_CODE_EXISTS"));
    }

    @Test
    void shouldBuildAGroupFromCodesAndNameUnknownMembers() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"PROV-2026\",\"name\":\"Lào Cai và Yên Bái cũ\",\"year\":2024,\"memberCodes\":[\"10\",\"15\"]}")
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("members.name", contains("Tỉnh Lào Cai", "Tỉnh Yên Bái"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"BAD-2026\",\"name\":\"x\",\"year\":2026,\"memberCodes\":[\"15\",\"10\"]}")
                .post("/api/unit-groups")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNKNOWN_MEMBERS"))
                .body("errors[0].field", equalTo("memberCodes[1]"));
        given().get("/api/unit-groups/BAD-2026").then().statusCode(404).body("code", equalTo("GROUP_NOT_FOUND"));
    }

    @Test
    void shouldReportBadCsvRowsAndStoreNothing() {
        String csv = "code,name,type,level,parent_code\n"
                + "48.SNV,Sở Nội vụ Đà Nẵng,sở,agency,48\n"
                + "48.STC,Sở Tài chính,sở,agency,99\n"
                + "123456,Xã Lạ,xã,commune,48\n";
        given().contentType("text/csv")
                .body(csv)
                .queryParam("dryRun", "true")
                .queryParam("validFrom", "2025-07-01")
                .post("/api/units/import")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("rows", equalTo(3))
                .body("rejected", equalTo(2))
                .body("errors.line", contains(3, 4))
                .body("errors.field", contains("parent_code", "code"));
        given().contentType("text/csv")
                .body(csv)
                .queryParam("dryRun", "false")
                .queryParam("validFrom", "2025-07-01")
                .post("/api/units/import")
                .then()
                .statusCode(400)
                .body("code", equalTo("IMPORT_INVALID"))
                .body("errors.line", contains(3, 4));
        given().queryParam("asOf", "2025-07-01").get("/api/units/48.SNV").then().statusCode(404);
    }

    @Test
    void shouldImportGoodCsvAllTogether() {
        String csv = "code,name,type,level,parent_code\n"
                + "46.SNV,Sở Nội vụ,sở,agency,46\n"
                + "46.SNV-VP,Văn phòng Sở,văn phòng,agency,46.SNV\n";
        given().contentType("text/csv")
                .body(csv)
                .queryParam("dryRun", "false")
                .queryParam("validFrom", "2025-07-01")
                .post("/api/units/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("valid", equalTo(true));
        given().queryParam("asOf", "2025-07-01")
                .get("/api/units/46.SNV-VP")
                .then()
                .statusCode(200)
                .body("parentCode", equalTo("46.SNV"));
    }
}
