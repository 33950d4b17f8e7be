package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** The seeded real structure: counts per level on both sides of the 2025 reform, hierarchy, lineage. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SeededStructureTest {

    @Test
    void shouldCountTheLastStructureBeforeTheReform() {
        given().queryParam("asOf", "2025-06-30")
                .get("/api/units/counts")
                .then()
                .statusCode(200)
                .body("PROVINCE", equalTo(63))
                .body("DISTRICT", equalTo(696))
                .body("COMMUNE", equalTo(10_035));
    }

    @Test
    void shouldCountTheStructureFromTheReformDate() {
        given().queryParam("asOf", "2025-07-01")
                .get("/api/units/counts")
                .then()
                .statusCode(200)
                .body("PROVINCE", equalTo(34))
                .body("DISTRICT", equalTo(0))
                .body("COMMUNE", equalTo(3_321));
    }

    @Test
    void shouldReportTheSameTotalsThroughTheListing() {
        given().queryParam("asOf", "2025-06-30")
                .queryParam("level", "COMMUNE")
                .queryParam("size", 1)
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("total", equalTo(10_035))
                .body("size", equalTo(1))
                .body("items.size()", equalTo(1));
        given().queryParam("asOf", "2025-07-01")
                .queryParam("level", "province")
                .get("/api/units")
                .then()
                .body("total", equalTo(34));
    }

    @Test
    void shouldAnswerTheVersionValidOnTheDate() {
        given().queryParam("asOf", "2025-06-30")
                .get("/api/units/04252")
                .then()
                .statusCode(200)
                .body("code", equalTo("04252"))
                .body("name", equalTo("Phường Yên Ninh"))
                .body("type", equalTo("phường"))
                .body("level", equalTo("COMMUNE"))
                .body("parentCode", equalTo("132"))
                .body("validTo", equalTo("2025-06-30"));
        given().queryParam("asOf", "2025-07-01")
                .get("/api/units/04252")
                .then()
                .statusCode(200)
                .body("name", equalTo("Phường Yên Bái"))
                .body("parentCode", equalTo("15"))
                .body("validFrom", equalTo("2025-07-01"));
    }

    @Test
    void shouldListEveryVersionOfEveryUnitInPagesByCode() {
        int total = given().get("/api/units/versions?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page * 5_000 < total; page++) {
            all.addAll(given().queryParam("page", page)
                    .get("/api/units/versions")
                    .then()
                    .statusCode(200)
                    .body("size", equalTo(5_000))
                    .extract()
                    .<List<Map<String, Object>>>path("items"));
        }
        assertEquals(total, all.size());
        // Both sides of the reform: 63 + 34 provinces' versions and more, every code's versions together.
        assertTrue(total > 14_000, "versions: " + total);
        for (int i = 1; i < all.size(); i++) {
            String before = (String) all.get(i - 1).get("code");
            String code = (String) all.get(i).get("code");
            assertTrue(before.compareTo(code) <= 0, "by code: " + before + " then " + code);
        }
        List<Object> names = all.stream()
                .filter(u -> "04252".equals(u.get("code")))
                .map(u -> u.get("name"))
                .toList();
        List<Object> history =
                given().get("/api/units/04252/history").then().extract().path("name");
        assertEquals(history, names);
        assertEquals(List.of("Phường Yên Ninh", "Phường Yên Bái"), names);
        given().queryParam("size", 20_001)
                .get("/api/units/versions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldLinkPhuongYenNinhToPhuongYenBai() {
        given().queryParam("asOf", "2025-06-30")
                .get("/api/units/04252/lineage")
                .then()
                .statusCode(200)
                .body("successors.code", contains("04252"))
                .body("successors[0].name", equalTo("Phường Yên Bái"))
                .body("successors[0].effectiveDate", equalTo("2025-07-01"))
                .body("successors[0].event", equalTo("MERGE"))
                .body("successors[0].part", equalTo("FULL"));
    }

    @Test
    void shouldGiveNewLaoCaiTheProvincesTenAndFifteenAsPredecessors() {
        given().queryParam("asOf", "2025-07-01")
                .get("/api/units/15/lineage")
                .then()
                .statusCode(200)
                .body("unit.name", equalTo("Tỉnh Lào Cai"))
                .body("predecessors.code", containsInAnyOrder("10", "15"))
                .body("predecessors.name", containsInAnyOrder("Tỉnh Lào Cai", "Tỉnh Yên Bái"))
                .body("predecessors.validTo", everyItem(equalTo("2025-06-30")))
                .body("successors.size()", equalTo(0));
    }

    @Test
    void shouldListOnlyTheDistrictsOfProvinceFifteenAsItsChildren() {
        // Province 10 (old Lào Cai) is the distractor: its districts must not appear.
        given().queryParam("asOf", "2021-12-31")
                .get("/api/units/15/children")
                .then()
                .statusCode(200)
                .body("total", equalTo(9))
                .body("items.parentCode", everyItem(equalTo("15")))
                .body("items.code", hasItem("132"))
                .body("items.code", not(hasItem("080")));
    }

    @Test
    void shouldListDescendantsOfOneDistrictButNotItsSiblings() {
        given().queryParam("asOf", "2025-06-30")
                .queryParam("level", "COMMUNE")
                .get("/api/units/132/descendants")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("04252"))
                .body("items.parentCode", everyItem(equalTo("132")))
                // 04285 belongs to the sibling district 133 (Thị xã Nghĩa Lộ).
                .body("items.code", not(hasItem("04285")));
        given().queryParam("asOf", "2025-06-30")
                .queryParam("level", "COMMUNE")
                .get("/api/units/15/descendants")
                .then()
                .body("items.code", hasItem("04252"))
                .body("items.level", everyItem(equalTo("COMMUNE")));
    }

    @Test
    void shouldListAncestorsNearestFirst() {
        given().queryParam("asOf", "2025-06-30")
                .get("/api/units/04252/ancestors")
                .then()
                .statusCode(200)
                .body("items.code", contains("132", "15"));
        given().queryParam("asOf", "2025-07-01")
                .get("/api/units/04252/ancestors")
                .then()
                .body("items.code", contains("15"));
    }

    @Test
    void shouldListTheReformInTheChangeList() {
        given().queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-01")
                .queryParam("code", "10")
                .get("/api/unit-changes")
                .then()
                .statusCode(200)
                .body("items.find { it.oldCode == '10' }.newCode", equalTo("15"))
                .body("items.find { it.oldCode == '10' }.kind", equalTo("MERGE"))
                .body(
                        "items.find { it.oldCode == '10' }.legalBasis",
                        equalTo("Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh"));
        given().queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-01")
                .queryParam("code", "132")
                .get("/api/unit-changes")
                .then()
                .body("items.kind", hasItem("DISSOLVE"));
        String csv = given().queryParam("from", "2025-07-01")
                .queryParam("to", "2025-07-01")
                .queryParam("format", "csv")
                .get("/api/unit-changes")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("effective_date,kind,old_code"));
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.contains("2025-07-01,MERGE,10,Tỉnh Lào Cai,PROVINCE,15,Tỉnh Lào Cai,PROVINCE,FULL"));
    }
}
