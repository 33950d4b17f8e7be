package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.jwt.Claim;
import io.quarkus.test.security.jwt.ClaimType;
import io.quarkus.test.security.jwt.JwtSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * Who may do what: anonymous callers read published rankings only; a unit officer self-assesses the units of its
 * token and nothing else; an appraiser appraises but does not self-assess. (The scope checks run before the
 * campaign is looked up: an allowed caller on an unknown campaign gets 404, a refused one 403.)
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccessTest {

    private static final Map<String, Object> SCORES =
            Map.of("scores", List.of(Map.of("criterionCode", "D1.1", "points", 1)));

    @Test
    void shouldLetAnonymousCallersReadRankingsOnly() {
        given().get("/api/rankings/NONE").then().statusCode(404).body("code", equalTo("RANKING_NOT_FOUND"));
        given().get("/api/campaigns").then().statusCode(401).body("code", equalTo("NOT_AUTHENTICATED"));
        given().contentType(ContentType.JSON)
                .body(SCORES)
                .put("/api/campaigns/X/assessments/132/scores")
                .then()
                .statusCode(401);
        // Authentication comes before the body is read: an empty or broken body gets 401 too, not 400.
        for (String path : List.of("scores", "appraisal", "explanations")) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .put("/api/campaigns/X/assessments/132/" + path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body("{\"scores\":")
                .put("/api/campaigns/X/assessments/132/scores")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "X"))
                .post("/api/campaigns")
                .then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "officer-132", roles = "unit-officer")
    @JwtSecurity(claims = @Claim(key = "units", value = "[\"132\"]", type = ClaimType.JSON_ARRAY))
    void shouldKeepAUnitOfficerToItsOwnUnits() {
        given().contentType(ContentType.JSON)
                .body(SCORES)
                .put("/api/campaigns/X/assessments/133/scores")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON)
                .body(SCORES)
                .put("/api/campaigns/X/assessments/132/scores")
                .then()
                .statusCode(404)
                .body("code", equalTo("CAMPAIGN_NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 1, "scores", List.of(ScoringApiTest.appraisal("D1.1", "1", "x"))))
                .put("/api/campaigns/X/assessments/132/appraisal")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "X"))
                .post("/api/campaigns")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "appraiser", roles = "appraiser")
    @JwtSecurity(claims = @Claim(key = "campaigns", value = "[\"X*\"]", type = ClaimType.JSON_ARRAY))
    void shouldLetAnAppraiserAppraiseItsCampaignsButNotSelfAssess() {
        given().contentType(ContentType.JSON)
                .body(SCORES)
                .put("/api/campaigns/X/assessments/132/scores")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 1, "scores", List.of(ScoringApiTest.appraisal("D1.1", "1", "x"))))
                .put("/api/campaigns/X/assessments/132/appraisal")
                .then()
                .statusCode(404)
                .body("code", equalTo("CAMPAIGN_NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "appraiser-elsewhere", roles = "appraiser")
    @JwtSecurity(claims = @Claim(key = "campaigns", value = "[\"YB-DIST-2021\"]", type = ClaimType.JSON_ARRAY))
    void shouldKeepAnAppraiserToItsCampaigns() {
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 1, "scores", List.of(ScoringApiTest.appraisal("D1.1", "1", "x"))))
                .put("/api/campaigns/X/assessments/132/appraisal")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("YB-DIST-2021"));
        given().get("/api/campaigns/X/results").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "integration", roles = "integration")
    void shouldNotLetOtherRolesReadAssessmentsOrResults() {
        given().get("/api/campaigns/X/assessments/132").then().statusCode(403);
        given().get("/api/campaigns/X/results").then().statusCode(403);
        given().get("/api/campaigns/X/results/132").then().statusCode(403);
    }
}
