package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * Rank intervals through the API on real PostgreSQL: survey sample sizes imported with the survey scores, the
 * campaign's intervals reproducible by seed, parameters checked (400 naming them), survey results without a sample
 * size refused (409 naming them) unless a standard error is asked, and the block on a published ranking.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RankUncertaintyApiTest {

    private static void post(String path, Object body, int status) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(status);
    }

    private static Map<String, Object> pts(String criterion, double points) {
        return Map.of("criterionCode", criterion, "points", points);
    }

    /** A SURVEYED campaign of the three provinces, approved; survey lines as given. */
    private static void approved(String code, List<Map<String, Object>> survey) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                code,
                "year",
                2024,
                "criteriaSetCode",
                "SURVEYED",
                "unitGroupCode",
                "PROVINCES-2024",
                "selfAssessmentDeadline",
                "2099-12-31T17:00:00+07:00"));
        body.put("appraisalRequired", false);
        post("/api/campaigns", body, 201);
        // 10 well ahead; 15 and 08 0.25 apart on the appraised field.
        Map<String, List<Map<String, Object>>> self = Map.of(
                "10", List.of(pts("T1.1", 30), pts("T1.2", 20)),
                "15", List.of(pts("T1.1", 20), pts("T1.2", 10)),
                "08", List.of(pts("T1.1", 20), pts("T1.2", 9.75)));
        self.forEach((unit, scores) -> given().contentType(ContentType.JSON)
                .body(Map.of("scores", scores))
                .put("/api/campaigns/" + code + "/assessments/" + unit + "/scores")
                .then()
                .statusCode(200));
        given().contentType(ContentType.JSON)
                .body(survey)
                .post("/api/campaigns/" + code + "/survey-scores")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
        post("/api/campaigns/" + code + "/close-self-assessment", Map.of(), 200);
        post("/api/campaigns/" + code + "/start-appraisal", Map.of(), 200);
        post("/api/campaigns/" + code + "/approve", Map.of(), 200);
    }

    private static Map<String, Object> line(String unit, String criterion, double points, Integer n) {
        Map<String, Object> m = new HashMap<>(Map.of("unitCode", unit, "criterionCode", criterion, "points", points));
        if (n != null) {
            m.put("sampleSize", n);
        }
        return m;
    }

    private static List<Map<String, Object>> survey(Integer n) {
        return List.of(
                line("10", "S.1", 24, n),
                line("10", "S.2", 24, n),
                line("15", "S.1", 20, n),
                line("15", "S.2", 20, n),
                line("08", "S.1", 20, n),
                line("08", "S.2", 20, n));
    }

    @Test
    void shouldGiveReproducibleIntervalsFromTheSurveySampleSizes() {
        approved("UNC-2024", survey(40));
        String path = "/api/campaigns/UNC-2024/rank-uncertainty";
        String first = given().get(path)
                .then()
                .statusCode(200)
                .body("seed", equalTo(1149))
                .body("runs", equalTo(1000))
                .body("weightSpread", equalTo(0.20f))
                .body("intervalPercent", equalTo(90))
                .body("method", org.hamcrest.Matchers.containsString("Monte Carlo"))
                .body("units", hasSize(3))
                // 10 is far ahead: a degenerate interval.
                .body("units[0].unitCode", equalTo("10"))
                .body("units[0].rankLow", equalTo(1))
                .body("units[0].rankHigh", equalTo(1))
                .body("units[0].distinguishable", equalTo(true))
                // 15 and 08 are a quarter point apart with 40 respondents each: not distinguishable.
                .body("units.find { it.unitCode == '15' }.notDistinguishableFrom", hasItem("08"))
                .body("units.find { it.unitCode == '08' }.distinguishable", equalTo(false))
                .body("units.rankLow", everyItem(lessThanOrEqualTo(3)))
                .body("inputs.components.code", equalTo(List.of("F1", "S")))
                .body("inputs.components.find { it.code == 'S' }.survey", equalTo(true))
                .body("inputs.survey.withSampleSize", equalTo(6))
                .body("inputs.survey.minSampleSize", equalTo(40))
                .extract()
                .asString();
        // Same seed, same body; another seed is reported as asked.
        assertEquals(
                first,
                given().get(path + "?seed=1149&runs=1000").then().extract().asString());
        given().get(path + "?seed=7&runs=2000&weightPerturbation=0")
                .then()
                .statusCode(200)
                .body("seed", equalTo(7))
                .body("runs", equalTo(2000))
                .body("weightSpread", equalTo(0));
        String other =
                given().get(path + "?seed=7").then().statusCode(200).extract().asString();
        assertNotEquals(first, other);
    }

    @Test
    void shouldRefuseBadParametersNamingThem() {
        approved("UNC-BAD-2024", survey(100));
        String path = "/api/campaigns/UNC-BAD-2024/rank-uncertainty";
        for (String[] bad : List.of(
                new String[] {"runs=5", "runs"},
                new String[] {"runs=many", "runs"},
                new String[] {"runs=100001", "runs"},
                new String[] {"seed=x", "seed"},
                new String[] {"weightPerturbation=1.5", "weightPerturbation"},
                new String[] {"weightPerturbation=-0.1", "weightPerturbation"},
                new String[] {"surveyStandardError=80", "surveyStandardError"})) {
            given().get(path + "?" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void shouldRefuseSurveyResultsWithoutASampleSizeUnlessAStandardErrorIsAsked() {
        approved("UNC-NOSAMPLE-2024", survey(null));
        String path = "/api/campaigns/UNC-NOSAMPLE-2024/rank-uncertainty";
        given().get(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("SURVEY_SAMPLE_MISSING"))
                .body("errors.field", hasItem("units.10.S.1.sampleSize"))
                .body("context.missing", equalTo(6));
        given().get(path + "?surveyStandardError=2.5")
                .then()
                .statusCode(200)
                .body("inputs.survey.withRequestedError", equalTo(6))
                .body("inputs.survey.requestedStandardErrorPercent", equalTo(2.5f));
    }

    @Test
    void shouldRejectASurveyLineWithABadSampleSizeNamingTheField() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                "UNC-IMPORT-2024",
                "year",
                2024,
                "criteriaSetCode",
                "SURVEYED",
                "unitGroupCode",
                "PROVINCES-2024",
                "selfAssessmentDeadline",
                "2099-12-31T17:00:00+07:00"));
        post("/api/campaigns", body, 201);
        given().contentType("text/csv")
                .body("unitCode,criterionCode,points,sampleSize,standardErrorPercent\n"
                        + "10,S.1,20,0,\n"
                        + "10,S.2,20,abc,\n"
                        + "15,S.1,20,,60\n"
                        + "15,S.2,20,120,\n")
                .post("/api/campaigns/UNC-IMPORT-2024/survey-scores")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("errors.field", equalTo(List.of("sampleSize", "sampleSize", "standardErrorPercent")))
                .body("errors.line", equalTo(List.of(2, 3, 4)));
    }

    @Test
    void shouldAddIntervalsToAPublishedRankingOnRequestOnly() {
        approved("UNC-PUB-2024", survey(60));
        post(
                "/api/campaigns/UNC-PUB-2024/publish",
                Map.of("decisionNumber", "9/QĐ", "decisionDate", "2025-03-01"),
                201);
        given().get("/api/rankings/UNC-PUB-2024")
                .then()
                .statusCode(200)
                .body("uncertainty", nullValue())
                .body("items[0].uncertainty", nullValue())
                .body("stage", equalTo("FINAL"));
        String body = given().get("/api/rankings/UNC-PUB-2024?uncertainty=true")
                .then()
                .statusCode(200)
                .body("uncertainty.seed", equalTo(1149))
                .body("uncertainty.runs", equalTo(1000))
                .body("uncertainty.survey.withSampleSize", equalTo(6))
                .body("items.find { it.unitCode == '10' }.uncertainty.medianRank", equalTo(1))
                .body("items.find { it.unitCode == '15' }.uncertainty.rankHigh", notNullValue())
                .body("items.find { it.unitCode == '15' }.totalPoints", equalTo(70.0f))
                .extract()
                .asString();
        assertEquals(
                body,
                given().get("/api/rankings/UNC-PUB-2024?uncertainty=true")
                        .then()
                        .extract()
                        .asString());
        given().get("/api/rankings/UNC-PUB-2024?uncertainty=maybe").then().statusCode(400);
    }
}
