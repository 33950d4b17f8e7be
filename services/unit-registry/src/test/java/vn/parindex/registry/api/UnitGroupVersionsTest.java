package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.store.UnitVersion;
import vn.parindex.test.postgres.PostgresTestResource;

/** Peer groups keep versions per year: the version in force, the history with who/when, diffs, validation. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnitGroupVersionsTest {

    private static final String REFORM = "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh";

    /** Every unit of a level valid on 31 December of a year, by code. */
    private static List<String> unitsOn(Level level, int year) {
        LocalDate day = LocalDate.of(year, 12, 31);
        return QuarkusTransaction.requiringNew()
                .call(() -> UnitVersion.<UnitVersion>list(
                                "level = ?1 and (validFrom is null or validFrom <= ?2)"
                                        + " and (validTo is null or validTo >= ?2) order by code",
                                level,
                                day)
                        .stream()
                        .map(v -> v.code)
                        .distinct()
                        .toList());
    }

    private static String json(List<String> codes) {
        return "[\"" + String.join("\",\"", codes) + "\"]";
    }

    private static String version(List<String> codes, String reason) {
        return "{\"memberCodes\":" + json(codes) + ",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + "}";
    }

    private static void createProvinces(String code) {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Tỉnh, thành phố\",\"year\":2024,\"memberCodes\":"
                        + json(unitsOn(Level.PROVINCE, 2024)) + "}")
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("reason", equalTo("Group created"))
                .body("memberCount", equalTo(63));
    }

    @Test
    void shouldAnswerTheVersionInForceInAYearAndKeepThePast() {
        createProvinces("T-PROV");
        List<String> provinces2025 = unitsOn(Level.PROVINCE, 2025);
        assertEquals(34, provinces2025.size());
        given().contentType(ContentType.JSON)
                .body(version(provinces2025, REFORM))
                .put("/api/unit-groups/T-PROV/versions/2025")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/unit-groups/T-PROV?year=2025"))
                .body("version", equalTo(2))
                .body("year", equalTo(2025))
                .body("asOf", equalTo("2025-12-31"))
                .body("memberCount", equalTo(34))
                .body("members", hasSize(34))
                .body("reason", equalTo(REFORM))
                .body("versionRecordedBy", equalTo("test-admin"));

        given().queryParam("year", 2024)
                .get("/api/unit-groups/T-PROV")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("year", equalTo(2024))
                .body("memberCount", equalTo(63))
                .body("members.code", hasItem("10"));
        given().queryParam("year", 2025).get("/api/unit-groups/T-PROV").then().body("version", equalTo(2));
        // A version stays in force until the next one.
        given().queryParam("year", 2030)
                .get("/api/unit-groups/T-PROV")
                .then()
                .body("version", equalTo(2))
                .body("year", equalTo(2025));
        // Without a year: the latest, in the shape groups always had.
        given().get("/api/unit-groups/T-PROV")
                .then()
                .body("version", equalTo(2))
                .body("code", equalTo("T-PROV"))
                .body("name", equalTo("Tỉnh, thành phố"))
                .body("createdBy", equalTo("test-admin"))
                .body("members", hasSize(34));
        given().queryParam("year", 2023)
                .get("/api/unit-groups/T-PROV")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("GROUP_VERSION_NOT_FOUND"))
                .body("errors[0].field", equalTo("year"));
        given().queryParam("year", "soon")
                .get("/api/unit-groups/T-PROV")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));

        // The same members again: nothing new (a retry is safe).
        given().contentType(ContentType.JSON)
                .body(version(provinces2025, REFORM))
                .put("/api/unit-groups/T-PROV/versions/2025")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        given().get("/api/unit-groups/T-PROV/versions")
                .then()
                .statusCode(200)
                .body("versions.version", contains(1, 2))
                .body("versions.year", contains(2024, 2025))
                .body("versions.memberCount", contains(63, 34))
                .body("versions.reason", contains("Group created", REFORM))
                .body("versions.recordedBy", contains("test-admin", "test-admin"))
                .body("versions[1].recordedAt", notNullValue());
    }

    @Test
    void shouldDiffTwoYearsWithNamesAndReasons() {
        createProvinces("T-DIFF");
        given().contentType(ContentType.JSON)
                .body(version(unitsOn(Level.PROVINCE, 2025), REFORM))
                .put("/api/unit-groups/T-DIFF/versions/2025")
                .then()
                .statusCode(201);
        Response diff = given().queryParam("from", 2024)
                .queryParam("to", 2025)
                .get("/api/unit-groups/T-DIFF/diff")
                .then()
                .statusCode(200)
                .body("from.version", equalTo(1))
                .body("to.version", equalTo(2))
                .body("ruleChanged", equalTo(false))
                .body("changes.reason", contains(REFORM))
                .body("changes.recordedBy", contains("test-admin"))
                // Old Lào Cai (10) merged into Lào Cai, which kept Yên Bái's code 15.
                .body("removed.find { it.code == '10' }.name", equalTo("Tỉnh Lào Cai"))
                .body("renamed.find { it.code == '15' }.fromName", equalTo("Tỉnh Yên Bái"))
                .body("renamed.find { it.code == '15' }.toName", equalTo("Tỉnh Lào Cai"))
                .extract()
                .response();
        int added = diff.path("added.size()");
        int removed = diff.path("removed.size()");
        int kept = diff.path("kept");
        assertEquals(34, added + kept);
        assertEquals(63, removed + kept);
        assertTrue(removed >= 29, "at least 29 provinces were merged away, got " + removed);

        // Nothing changed within a version's years.
        given().queryParam("from", 2025)
                .queryParam("to", 2027)
                .get("/api/unit-groups/T-DIFF/diff")
                .then()
                .statusCode(200)
                .body("added", hasSize(0))
                .body("removed", hasSize(0))
                .body("kept", equalTo(34))
                .body("changes", hasSize(0));
        given().queryParam("from", 2025)
                .queryParam("to", 2024)
                .get("/api/unit-groups/T-DIFF/diff")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", 2024)
                .get("/api/unit-groups/T-DIFF/diff")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void shouldRefuseUnknownCodesUnitsOfAnotherYearAndAnEmptyReasonStoringNothing() {
        createProvinces("T-BAD");
        // 10 (old Lào Cai) is a unit of 2024, not of 2025; 99 was never a unit code; 08 is listed twice.
        given().contentType(ContentType.JSON)
                .body(version(List.of("15", "99", "10", "08", "08"), "Sáp nhập"))
                .put("/api/unit-groups/T-BAD/versions/2025")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_MEMBERS"))
                .body("errors.field", contains("memberCodes[1]", "memberCodes[2]", "memberCodes[4]"))
                .body("errors[0].message", containsString("no unit code"))
                .body("errors[1].message", containsString("not a unit on 2025-12-31"))
                .body("errors[2].message", containsString("twice"));
        given().contentType(ContentType.JSON)
                .body(version(List.of("15", "08"), "  "))
                .put("/api/unit-groups/T-BAD/versions/2025")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString("reason")));
        given().contentType(ContentType.JSON)
                .body(version(List.of("15", "08"), null))
                .put("/api/unit-groups/T-BAD/versions/2025")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("reason")));
        given().contentType(ContentType.JSON)
                .body("{\"memberCodes\":[\"15\"],\"asOf\":\"2024-06-30\",\"reason\":\"x\"}")
                .put("/api/unit-groups/T-BAD/versions/2025")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().contentType(ContentType.JSON)
                .body(version(List.of("15"), "x"))
                .put("/api/unit-groups/T-BAD/versions/20x5")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON)
                .body(version(List.of("15"), "x"))
                .put("/api/unit-groups/NO-SUCH-GROUP/versions/2025")
                .then()
                .statusCode(404)
                .body("code", equalTo("GROUP_NOT_FOUND"));
        given().get("/api/unit-groups/T-BAD/versions").then().body("versions", hasSize(1));
    }

    @Test
    @TestSecurity(user = "an-officer", roles = "unit-officer")
    void shouldRefuseAVersionWithoutAdministratorRights() {
        given().contentType(ContentType.JSON)
                .body(version(List.of("15"), "x"))
                .put("/api/unit-groups/YB-ANY/versions/2025")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldStoreAVersionOfAllCommunesQuickly() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"T-COMMUNES\",\"name\":\"Xã, phường\",\"year\":2024,"
                        + "\"rule\":{\"parentCode\":\"15\",\"level\":\"COMMUNE\"}}")
                .post("/api/unit-groups")
                .then()
                .statusCode(201);
        List<String> communes = unitsOn(Level.COMMUNE, 2025);
        assertEquals(3321, communes.size());
        String body = version(communes, "Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã năm 2025");
        long started = System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/unit-groups/T-COMMUNES/versions/2025")
                .then()
                .statusCode(201)
                .body("memberCount", equalTo(3321))
                .body("members[0].code", equalTo(communes.getFirst()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("PUT of a 3,321-commune version (first): " + millis + " ms");
        assertTrue(millis < 5_000, "storing 3,321 members took " + millis + " ms");
        // Again, warm, as a correction of 2025 (another date: a new version).
        for (int day = 30; day >= 28; day--) {
            String again = "{\"memberCodes\":" + json(communes) + ",\"asOf\":\"2025-12-" + day
                    + "\",\"reason\":\"Đính chính\"}";
            long t = System.nanoTime();
            given().contentType(ContentType.JSON)
                    .body(again)
                    .put("/api/unit-groups/T-COMMUNES/versions/2025")
                    .then()
                    .statusCode(201)
                    .body("memberCount", equalTo(3321));
            System.out.println("PUT of a 3,321-commune version (warm): " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
        // The latest correction of 2025 is in force.
        given().queryParam("year", 2025)
                .get("/api/unit-groups/T-COMMUNES")
                .then()
                .body("version", equalTo(5))
                .body("asOf", equalTo("2025-12-28"));
        given().queryParam("from", 2024)
                .queryParam("to", 2025)
                .get("/api/unit-groups/T-COMMUNES/diff")
                .then()
                .statusCode(200)
                .body("to.memberCount", equalTo(3321));
    }
}
