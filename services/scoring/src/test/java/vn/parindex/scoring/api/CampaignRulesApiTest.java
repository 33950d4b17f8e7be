package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/** Deadlines, bad scores, not-applicable criteria, lineage comparison and dependencies that are down. */
@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CampaignRulesApiTest {

    @AfterEach
    void servicesBackUp() {
        FakeServices.registryDown = false;
        FakeServices.dossiersDown = false;
    }

    private static void create(String code, String group, String deadline, String previous, String rule) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                code,
                "year",
                previous == null ? 2024 : 2025,
                "criteriaSetCode",
                "SMALL",
                "unitGroupCode",
                group,
                "selfAssessmentDeadline",
                deadline,
                "appraisalRequired",
                false));
        if (previous != null) {
            body.put("previousCampaignCode", previous);
            body.put("comparisonRule", rule);
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(201);
    }

    /** A 2021 campaign of the Yên Bái districts on the district demo set, open until 2099. */
    private static void createDistrict(String code) {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "year",
                        2021,
                        "criteriaSetCode",
                        FakeServices.DISTRICT_SET,
                        "unitGroupCode",
                        "YB-DISTRICTS",
                        "selfAssessmentDeadline",
                        "2099-01-01T00:00:00+07:00"))
                .post("/api/campaigns")
                .then()
                .statusCode(201);
    }

    private static void self(String campaign, String unit, List<Map<String, Object>> scores, int status) {
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", scores))
                .put("/api/campaigns/" + campaign + "/assessments/" + unit + "/scores")
                .then()
                .statusCode(status);
    }

    @Test
    void shouldLockSelfAssessmentAfterTheDeadline() {
        create("LOCKED", "PROVINCES-2024", "2020-01-01T00:00:00+07:00", null, null);
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "T1.1", "points", 10))))
                .put("/api/campaigns/LOCKED/assessments/10/scores")
                .then()
                .statusCode(409)
                .body("code", equalTo("SELF_ASSESSMENT_LOCKED"));
    }

    @Test
    void shouldRejectPointsAboveTheMaximumOrOffTheStepAndStoreNothing() {
        create("BAD", "PROVINCES-2024", "2099-01-01T00:00:00+07:00", null, null);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "scores",
                        List.of(
                                Map.of("criterionCode", "T1.1", "points", 10),
                                Map.of("criterionCode", "T2.1", "points", 50.5))))
                .put("/api/campaigns/BAD/assessments/10/scores")
                .then()
                .statusCode(400)
                .body("code", equalTo("SCORE_ABOVE_MAX"))
                .body("errors.field", hasItem("scores[1].points"));
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "T1.1", "points", 10.1))))
                .put("/api/campaigns/BAD/assessments/10/scores")
                .then()
                .statusCode(400)
                .body("code", equalTo("SCORE_NOT_ON_STEP"));
        given().get("/api/campaigns/BAD/assessments/10").then().statusCode(200).body("scores.size()", equalTo(0));
    }

    @Test
    void shouldDropNotApplicableCriteriaFromTheMaximumAndShareRanksOnTies() {
        create("NA", "PROVINCES-2024", "2099-01-01T00:00:00+07:00", null, null);
        // 10: 30 + 40 of 100 = 70 %; 15: T1.2 not applicable, 30 + 26 of 80 = 70 % as well; 08: 50 of 100.
        self("NA", "10", List.of(pts("T1.1", 30), pts("T2.1", 40), pts("T1.2", 0)), 200);
        self(
                "NA",
                "15",
                List.of(pts("T1.1", 30), pts("T2.1", 26), Map.of("criterionCode", "T1.2", "notApplicable", true)),
                200);
        self("NA", "08", List.of(pts("T1.1", 25), pts("T2.1", 25), pts("T1.2", 0)), 200);
        given().get("/api/campaigns/NA/results")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '15' }.applicableMax", equalTo(80))
                .body("items.find { it.unitCode == '15' }.indexPercent", equalTo(70.0f))
                .body("items.find { it.unitCode == '15' }.rank", equalTo(1))
                .body("items.find { it.unitCode == '10' }.rank", equalTo(1))
                .body("items.find { it.unitCode == '08' }.rank", equalTo(3))
                .body("items.find { it.unitCode == '08' }.rankOutOf", equalTo(3));
    }

    @Test
    void shouldCompareAMergedProvinceWithTheMeanOfItsPredecessors() {
        create("P-2024", "PROVINCES-2024", "2099-01-01T00:00:00+07:00", null, null);
        self("P-2024", "10", List.of(pts("T1.1", 30), pts("T1.2", 20), pts("T2.1", 30)), 200); // 80
        self("P-2024", "15", List.of(pts("T1.1", 30), pts("T1.2", 20), pts("T2.1", 40)), 200); // 90
        self("P-2024", "08", List.of(pts("T1.1", 20), pts("T1.2", 20), pts("T2.1", 30)), 200); // 70
        int lineageCallsBefore = FakeServices.LINEAGE_CALLS.get();
        create("P-2025", "PROVINCES-2025", "2099-01-01T00:00:00+07:00", "P-2024", "MEAN_OF_PREDECESSORS");
        self("P-2025", "15", List.of(pts("T1.1", 30), pts("T1.2", 20), pts("T2.1", 38)), 200); // 88
        self("P-2025", "08", List.of(pts("T1.1", 20), pts("T1.2", 20), pts("T2.1", 34)), 200); // 74
        given().get("/api/campaigns/P-2025/results")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '15' }.comparison.rule", equalTo("MEAN_OF_PREDECESSORS"))
                .body("items.find { it.unitCode == '15' }.comparison.comparedWith", equalTo(List.of("10", "15")))
                .body("items.find { it.unitCode == '15' }.pointsChange", equalTo(3.0f))
                .body("items.find { it.unitCode == '15' }.previousRank", nullValue())
                .body("items.find { it.unitCode == '15' }.previousRankOutOf", equalTo(3))
                .body("items.find { it.unitCode == '08' }.comparison.rule", equalTo("SAME_UNIT"))
                .body("items.find { it.unitCode == '08' }.pointsChange", equalTo(4.0f))
                // 3 provinces in 2024, 2 in 2025: no "moved up 1 place"; the percentile rank (last = 0) is compared.
                .body("items.find { it.unitCode == '08' }.comparison.rankMeasure", equalTo("PERCENTILE"))
                .body("items.find { it.unitCode == '08' }.rankChange", nullValue())
                .body("items.find { it.unitCode == '08' }.previousRank", equalTo(3))
                .body("items.find { it.unitCode == '08' }.previousRankOutOf", equalTo(3))
                .body("items.find { it.unitCode == '08' }.previousPercentile", equalTo(0.0f))
                .body("items.find { it.unitCode == '08' }.percentile", equalTo(0.0f))
                .body("items.find { it.unitCode == '08' }.percentileChange", equalTo(0.0f));
        // The lineage of exactly the group's members was read once, at creation.
        assertEquals(1, FakeServices.LINEAGE_CALLS.get() - lineageCallsBefore);
    }

    /** A Java class name anywhere in a text: a dotted package path, or a word ending in Exception. */
    static final String CLASS_NAME = "(?s).*([a-z]+\\.[a-z]+\\.[A-Za-z]|\\w+Exception\\b).*";

    @Test
    void shouldKeepTheBreakerClosedWhenTheDependencyOnlyRefuses() {
        // A dozen unknown groups: 404s from the registry, answers rather than failures. Its breaker stays closed.
        for (int i = 0; i < 12; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "code",
                            "NOGROUP-" + i,
                            "year",
                            2024,
                            "criteriaSetCode",
                            "SMALL",
                            "unitGroupCode",
                            "NO-SUCH-GROUP-" + i,
                            "selfAssessmentDeadline",
                            "2099-01-01T00:00:00+07:00"))
                    .post("/api/campaigns")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("UNKNOWN_GROUP"));
        }
        createDistrict("AFTER-REFUSALS");
        given().get("/api/campaigns/AFTER-REFUSALS").then().statusCode(200);
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenADependencyIsDown() {
        FakeServices.registryDown = true;
        Map<String, Object> body = Map.of(
                "code",
                "DOWN",
                "year",
                2024,
                "criteriaSetCode",
                "SMALL",
                "unitGroupCode",
                "PROVINCES-2024",
                "selfAssessmentDeadline",
                "2099-01-01T00:00:00+07:00");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(503)
                .body("code", equalTo("REGISTRY_UNAVAILABLE"))
                .body("detail", equalTo("The unit registry answered with status 500; try again shortly"))
                .body("detail", not(matchesPattern(CLASS_NAME)));
        given().get("/api/campaigns/DOWN").then().statusCode(404);
        FakeServices.registryDown = false;

        FakeServices.catalogueDown = true;
        try {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/campaigns")
                    .then()
                    .statusCode(503)
                    .body("code", equalTo("CATALOGUE_UNAVAILABLE"))
                    .body("detail", equalTo("The criteria catalogue answered with status 503; try again shortly"))
                    .body("detail", not(matchesPattern(CLASS_NAME)));
        } finally {
            FakeServices.catalogueDown = false;
        }
        given().get("/api/campaigns/DOWN").then().statusCode(404);

        createDistrict("AUTO");
        FakeServices.dossiersDown = true;
        given().post("/api/campaigns/AUTO/auto-scores")
                .then()
                .statusCode(503)
                .body("code", equalTo("DOSSIER_STATS_UNAVAILABLE"))
                .body("detail", equalTo("Dossier statistics answered with status 500; try again shortly"))
                .body("detail", not(matchesPattern(CLASS_NAME)));
        given().get("/api/campaigns/AUTO/assessments/132")
                .then()
                .statusCode(200)
                .body("scores.size()", equalTo(0));
        given().get("/api/campaigns/AUTO/assessments/132/history")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void shouldScoreARatioWithTheCriterionsRuleAndShowIt() {
        createDistrict("RATIO");
        // 69 of 70 plan tasks done = 98.57 %: the plan-completion bands give the points.
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "D1.2", "numerator", 69, "denominator", 70))))
                .put("/api/campaigns/RATIO/assessments/132/scores")
                .then()
                .statusCode(200)
                .body("scores.find { it.criterionCode == 'D1.2' }.self.score.numerator", equalTo(69))
                // Plan completion is published with one decimal (98.6 %); the value itself is kept unrounded.
                .body("scores.find { it.criterionCode == 'D1.2' }.self.score.valueDisplay", equalTo(98.6f))
                .body("scores.find { it.criterionCode == 'D1.2' }.self.score.valuePercent", equalTo(98.571428571f))
                .body(
                        "scores.find { it.criterionCode == 'D1.2' }.self.score.scoredPoints",
                        org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldRankExternalIndicesLikeResults() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "values",
                        List.of(
                                Map.of("unitCode", "15", "value", 84.12),
                                Map.of("unitCode", "08", "value", 86.5),
                                Map.of("unitCode", "10", "value", 84.12))))
                .put("/api/indices/SIPAS/2024")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '08' }.rankLabel", equalTo("1/3"))
                .body("items.find { it.unitCode == '15' }.rankLabel", equalTo("2/3"))
                .body("items.find { it.unitCode == '10' }.rankLabel", equalTo("2/3"))
                // Named as the registry names the unit on 31 December of the year.
                .body("items.find { it.unitCode == '15' }.unitName", equalTo("Tỉnh Yên Bái"));
    }

    private static Map<String, Object> pts(String criterion, int points) {
        return Map.of("criterionCode", criterion, "points", points);
    }
}
