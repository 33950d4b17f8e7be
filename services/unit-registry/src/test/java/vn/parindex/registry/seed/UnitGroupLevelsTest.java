package vn.parindex.registry.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.parindex.registry.service.UnitGroupService;
import vn.parindex.test.postgres.PostgresTestResource;

/** A peer group's members share one level: mixed groups are refused and nothing of them is stored. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnitGroupLevelsTest {

    @Inject
    UnitGroupService groups;

    private static String listGroup(String code, String asOf, String... members) {
        return "{\"code\":\"" + code + "\",\"name\":\"Khối thử\",\"year\":2021,\"asOf\":\"" + asOf
                + "\",\"memberCodes\":[\"" + String.join("\",\"", members) + "\"]}";
    }

    private static void agency(String code, String type, String parent) {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Cơ quan " + code + "\",\"type\":\"" + type
                        + "\",\"level\":\"AGENCY\",\"parentCode\":\"" + parent
                        + "\",\"validFrom\":\"2025-07-01\",\"legalBasis\":\"QĐ thành lập\"}")
                .post("/api/units")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseAProvinceADistrictAndACommuneTogetherNamingTheFirstOffender() {
        given().contentType(ContentType.JSON)
                .body(listGroup("MIXED-2021", "2021-12-31", "15", "132", "04252"))
                .post("/api/unit-groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MIXED_LEVELS"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("memberCodes[1]"))
                .body("errors[0].rejectedValue", equalTo("132"));
        // The offender may come late: the first member sets the level.
        given().contentType(ContentType.JSON)
                .body(listGroup("MIXED-2021", "2021-12-31", "132", "133", "04252"))
                .post("/api/unit-groups")
                .then()
                .statusCode(400)
                .body("code", equalTo("MIXED_LEVELS"))
                .body("errors[0].field", equalTo("memberCodes[2]"))
                .body("errors[0].rejectedValue", equalTo("04252"));
        given().get("/api/unit-groups/MIXED-2021").then().statusCode(404).body("code", equalTo("GROUP_NOT_FOUND"));
    }

    @Test
    void shouldRefuseARuleThatSelectsSeveralLevels() {
        // Without a level the rule takes every unit below Yên Bái: its districts and their communes.
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"YB-ALL-2021\",\"name\":\"Mọi đơn vị Yên Bái\",\"year\":2021,"
                        + "\"rule\":{\"parentCode\":\"15\",\"asOf\":\"2021-12-31\"}}")
                .post("/api/unit-groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MIXED_LEVELS"))
                .body("errors[0].field", equalTo("rule"));
        given().get("/api/unit-groups/YB-ALL-2021").then().statusCode(404);
        // Communes of one district are one level, with or without the level given.
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"YB-132-2021\",\"name\":\"Xã, phường TP Yên Bái\",\"year\":2021,"
                        + "\"rule\":{\"parentCode\":\"132\",\"asOf\":\"2021-12-31\"}}")
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("members.level", everyItem(equalTo("COMMUNE")));
    }

    @Test
    void shouldGroupAgenciesOfAnyKindButNotWithOtherLevels() {
        agency("96.SYT", "sở", "96");
        agency("96.SYT-VP", "văn phòng", "96.SYT");
        agency("92.BQL", "ban", "92");
        given().contentType(ContentType.JSON)
                .body(listGroup("AGENCIES-2026", "2026-01-01", "96.SYT", "96.SYT-VP", "92.BQL"))
                .post("/api/unit-groups")
                .then()
                .statusCode(201)
                .body("memberCount", equalTo(3))
                .body("members.type", contains("sở", "văn phòng", "ban"));
        given().contentType(ContentType.JSON)
                .body(listGroup("AGENCY-AND-PROVINCE-2026", "2026-01-01", "96.SYT", "96"))
                .post("/api/unit-groups")
                .then()
                .statusCode(400)
                .body("code", equalTo("MIXED_LEVELS"))
                .body("errors[0].field", equalTo("memberCodes[1]"))
                .body("errors[0].rejectedValue", equalTo("96"));
        given().get("/api/unit-groups/AGENCY-AND-PROVINCE-2026").then().statusCode(404);
    }

    @Test
    void shouldStillLoadTheDemoGroups() {
        new DemoGroups(true, groups).onStart(null);
        for (int year = 2019; year <= 2021; year++) {
            given().get("/api/unit-groups/YB-DISTRICTS-" + year)
                    .then()
                    .statusCode(200)
                    .body("year", equalTo(year))
                    .body("memberCount", equalTo(9))
                    .body("members.level", everyItem(equalTo("DISTRICT")));
        }
        given().get("/api/unit-groups/" + DemoGroups.YEN_BAI_DISTRICTS).then().statusCode(200);
    }
}
