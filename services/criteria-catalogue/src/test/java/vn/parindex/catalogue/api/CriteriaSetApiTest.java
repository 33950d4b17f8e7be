package vn.parindex.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.demo.YenBai2021;
import vn.parindex.test.postgres.PostgresTestResource;

@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CriteriaSetApiTest {

    /** A small valid tree: F (10) = F.1 survey (4) + F.2 on-time bands (6). */
    private static String set(String code, String f1Max, String metric) {
        return """
                {"code":"%s","name":"Bộ tiêu chí thử","year":2026,"targetLevel":"COMMUNE","totalPoints":10,
                 "bands":[{"code":"A","label":"Tốt","minPercent":90},{"code":"B","label":"Khá","minPercent":0}],
                 "nodes":[{"code":"F","nameVi":"Lĩnh vực","kind":"FIELD","maxPoints":10,"children":[
                   {"code":"F.1","nameVi":"Khảo sát","kind":"CRITERION","maxPoints":%s,"rule":{"type":"SURVEY"}},
                   {"code":"F.2","nameVi":"Đúng hạn","kind":"CRITERION","maxPoints":6,"scoreSource":"AUTO",
                    "rule":{"type":"BANDS","metric":"%s","bands":[{"min":99,"fraction":1},{"min":95,"fraction":0.5},{"min":0,"fraction":0}]}}]}]}
                """.formatted(code, f1Max, metric);
    }

    @Test
    void shouldServeTheDemoProposalsWithETags() {
        given().queryParam("status", "PUBLISHED")
                .queryParam("size", 50)
                .get("/api/criteria-sets")
                .then()
                .statusCode(200)
                .body("items.code", hasItems("PAR_PROV_2024", "PAR_DIST_YB_2021", "PAR_COMMUNE_2025", "SVC_766"));
        String etag = given().get("/api/criteria-sets/PAR_DIST_YB_2021")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("proposal", equalTo(true))
                .body("nodes[0].children[0].maxPoints", equalTo(14))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/criteria-sets/PAR_DIST_YB_2021")
                .then()
                .statusCode(304);
    }

    @Test
    void shouldEvaluateTheYenBai2021WorkedExample() throws Exception {
        String input = new ObjectMapper()
                .writeValueAsString(Map.of("unitType", "thành phố thuộc tỉnh", "leaves", YenBai2021.leaves()));
        given().contentType(ContentType.JSON)
                .body(input)
                .post("/api/criteria-sets/PAR_DIST_YB_2021/evaluate")
                .then()
                .statusCode(200)
                .body("nodes.find { it.code == 'D1' }.points", equalTo(13.0f))
                .body("nodes.find { it.code == 'D2' }.points", equalTo(6.5f))
                .body("nodes.find { it.code == 'D3' }.points", equalTo(12.25f))
                .body("nodes.find { it.code == 'D4' }.points", equalTo(5.0f))
                .body("nodes.find { it.code == 'D5' }.points", equalTo(7.0f))
                .body("nodes.find { it.code == 'D6' }.points", equalTo(6.0f))
                .body("nodes.find { it.code == 'B' }.points", equalTo(24.42f))
                .body("nodes.find { it.code == 'C' }.points", equalTo(8.135f))
                .body("totalPoints", equalTo(95.435f))
                .body("indexPercent", equalTo(95.44f));
    }

    @Test
    void shouldNameTheNodeAndBothSumsOfABadTree() {
        given().contentType(ContentType.JSON)
                .body(set("BAD-SUM", "5", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("POINTS_MISMATCH"))
                .body("detail", containsString("node F: children sum to 11 but its maxPoints is 10"))
                .body("errors[0].field", equalTo("nodes[0].children"));
        given().contentType(ContentType.JSON)
                .body(set("BAD-SHORT", "3", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(400)
                .body("detail", containsString("children sum to 9 but its maxPoints is 10"));
        given().get("/api/criteria-sets/BAD-SUM")
                .then()
                .statusCode(404)
                .body("code", equalTo("CRITERIA_SET_NOT_FOUND"));
    }

    @Test
    void shouldRefuseUnknownMetricsAndDuplicateCodes() {
        given().contentType(ContentType.JSON)
                .body(set("BAD-METRIC", "4", "NOT_A_METRIC"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNKNOWN_METRIC"))
                .body("errors[0].rejectedValue", equalTo("NOT_A_METRIC"));
        given().contentType(ContentType.JSON)
                .body(set("DUP", "4", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(set("DUP", "4", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(409)
                .body("code", equalTo("CRITERIA_SET_EXISTS"));
        given().contentType(ContentType.JSON)
                .body(set("DUP-NODE", "4", "ON_TIME_RATE_RESOLVED").replace("\"F.2\"", "\"F.1\""))
                .post("/api/criteria-sets")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE_NODE_CODE"));
    }

    @Test
    void shouldEditDraftsAndFreezePublishedSets() {
        String etag = given().contentType(ContentType.JSON)
                .body(set("LIFE-2026", "4", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/criteria-sets/LIFE-2026"))
                .body("status", equalTo("DRAFT"))
                .extract()
                .header("ETag");
        given().get("/api/criteria-sets/LIFE-2026").then().body("nodes[0].children[0].nameVi", equalTo("Khảo sát"));
        String node =
                "{\"code\":\"F.1\",\"nameVi\":\"Khảo sát người dân\",\"kind\":\"CRITERION\",\"maxPoints\":4,\"rule\":{\"type\":\"SURVEY\"}}";
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(node)
                .put("/api/criteria-sets/LIFE-2026/nodes/F.1")
                .then()
                .statusCode(200)
                .body("nodes[0].children[0].nameVi", equalTo("Khảo sát người dân"));
        // A stale ETag is refused and changes nothing.
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(node.replace("người dân", "x"))
                .put("/api/criteria-sets/LIFE-2026/nodes/F.1")
                .then()
                .statusCode(412)
                .body("code", equalTo("REVISION_MISMATCH"));
        // An edit that breaks the sums is refused and changes nothing.
        given().contentType(ContentType.JSON)
                .body(node.replace("\"maxPoints\":4", "\"maxPoints\":5"))
                .put("/api/criteria-sets/LIFE-2026/nodes/F.1")
                .then()
                .statusCode(400)
                .body("code", equalTo("POINTS_MISMATCH"));
        // The read after the edits answers the latest committed revision (the document cache follows revisions).
        given().get("/api/criteria-sets/LIFE-2026")
                .then()
                .header("ETag", equalTo("\"LIFE-2026-r2\""))
                .body("nodes[0].children[0].maxPoints", equalTo(4))
                .body("nodes[0].children[0].nameVi", equalTo("Khảo sát người dân"));

        given().post("/api/criteria-sets/LIFE-2026/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        given().contentType(ContentType.JSON)
                .body(node)
                .put("/api/criteria-sets/LIFE-2026/nodes/F.1")
                .then()
                .statusCode(409)
                .body("code", equalTo("CRITERIA_SET_PUBLISHED"));
        given().delete("/api/criteria-sets/LIFE-2026")
                .then()
                .statusCode(409)
                .body("code", equalTo("CRITERIA_SET_PUBLISHED"));
        given().delete("/api/criteria-sets/LIFE-2026/nodes/F.1")
                .then()
                .statusCode(409)
                .body("code", equalTo("CRITERIA_SET_PUBLISHED"));
        given().get("/api/criteria-sets/LIFE-2026/history")
                .then()
                .body("action", hasItems("CREATE", "REPLACE_NODE F.1", "PUBLISH"))
                // Every change names who made it (the token's principal), never null.
                .body("actor", everyItem(equalTo("test-admin")));
    }

    @Test
    void shouldRefuseCloneCodesThatCannotBeAPath() {
        given().contentType(ContentType.JSON)
                .body(set("URL-2026", "4", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(201);
        for (String code : new String[] {"A B", "A\"B", "<x>", "{x}", "a/b"}) {
            given().contentType(ContentType.JSON)
                    .body(java.util.Map.of("code", code, "year", 2027))
                    .post("/api/criteria-sets/URL-2026/clone")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("code"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"code\": true, \"year\": 2027}")
                .post("/api/criteria-sets/URL-2026/clone")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void shouldCloneIntoADraftAndDiff() {
        given().contentType(ContentType.JSON)
                .body(set("BASE-2026", "4", "ON_TIME_RATE_RESOLVED"))
                .post("/api/criteria-sets")
                .then()
                .statusCode(201);
        given().post("/api/criteria-sets/BASE-2026/publish").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"BASE-2027\",\"year\":2027}")
                .post("/api/criteria-sets/BASE-2026/clone")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("year", equalTo(2027));
        String f = "{\"code\":\"F\",\"nameVi\":\"Lĩnh vực\",\"kind\":\"FIELD\",\"maxPoints\":10,\"children\":["
                + "{\"code\":\"F.1\",\"nameVi\":\"Khảo sát\",\"kind\":\"CRITERION\",\"maxPoints\":3,\"rule\":{\"type\":\"SURVEY\"}},"
                + "{\"code\":\"F.3\",\"nameVi\":\"Mới\",\"kind\":\"CRITERION\",\"maxPoints\":7,\"rule\":{\"type\":\"SURVEY\"}}]}";
        given().contentType(ContentType.JSON)
                .body(f)
                .put("/api/criteria-sets/BASE-2027/nodes/F")
                .then()
                .statusCode(200);
        given().get("/api/criteria-sets/BASE-2026/diff/BASE-2027")
                .then()
                .statusCode(200)
                .body("added.code", hasItems("F.3"))
                .body("removed.code", hasItems("F.2"))
                .body("changed.find { it.code == 'F.1' }.changes.maxPoints", org.hamcrest.Matchers.contains(4, 3));
    }

    @Test
    void shouldRefusePointsAboveTheMaximum() {
        given().contentType(ContentType.JSON)
                .body("{\"leaves\":{\"D8.1\":{\"points\":7}}}")
                .post("/api/criteria-sets/PAR_DIST_YB_2021/evaluate")
                .then()
                .statusCode(400)
                .body("code", equalTo("SCORE_ABOVE_MAX"))
                .body("errors[0].field", equalTo("leaves.D8.1.points"));
    }
}
