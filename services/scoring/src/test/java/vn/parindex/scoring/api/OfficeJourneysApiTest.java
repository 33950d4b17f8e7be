package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The journeys of a provincial office that broke in wave 1: retried campaign creation, sets and groups that do
 * not fit, publication with unscored units, partial score updates, ratios through appraisal, external indices,
 * imported published totals as the previous year, and an appraisal council assigned per campaign.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficeJourneysApiTest {

    private static final String FUTURE = "2099-12-31T17:00:00+07:00";

    @AfterEach
    void servicesBackUp() {
        FakeServices.registryDown = false;
    }

    private static Map<String, Object> campaign(String code, int year, String set, String group) {
        return new HashMap<>(Map.of(
                "code",
                code,
                "year",
                year,
                "criteriaSetCode",
                set,
                "unitGroupCode",
                group,
                "selfAssessmentDeadline",
                FUTURE));
    }

    private static void post(String path, Object body, int status) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(status);
    }

    private static void put(String path, Object body, int status) {
        given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(status);
    }

    private static Map<String, Object> pts(String criterion, double points) {
        return Map.of("criterionCode", criterion, "points", points);
    }

    @Test
    void shouldAnswerTheSameCampaignToARetriedRequestAndRefuseADifferentOne() throws Exception {
        Map<String, Object> body = campaign("RETRY-2024", 2024, "SMALL", "PROVINCES-2024");
        // Four clients retry the same request at once (a gateway timeout): one creates, the others get it.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/campaigns")
                    .then()
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(200)
                .body("code", equalTo("RETRY-2024"))
                .body("memberCount", equalTo(3));
        Map<String, Object> other = new HashMap<>(body);
        other.put("name", "Another campaign");
        given().contentType(ContentType.JSON)
                .body(other)
                .post("/api/campaigns")
                .then()
                .statusCode(409)
                .body("code", equalTo("CAMPAIGN_EXISTS"));
    }

    @Test
    void shouldRefuseASetOfAnotherLevelOrYearAndAGroupMixingLevels() {
        // The district set on a group of provinces.
        given().contentType(ContentType.JSON)
                .body(campaign("LEVEL", 2024, FakeServices.DISTRICT_SET, "PROVINCES-2024"))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("code", equalTo("CRITERIA_SET_LEVEL_MISMATCH"))
                .body("errors[0].field", equalTo("criteriaSetCode"));
        // A province, a district and a commune in one group.
        given().contentType(ContentType.JSON)
                .body(campaign("MIXED", 2024, "SMALL", "MIXED-2024"))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("code", equalTo("MIXED_LEVELS"))
                .body("errors[0].field", equalTo("unitGroupCode"));
        // The group of 2024 for a 2025 campaign.
        given().contentType(ContentType.JSON)
                .body(campaign("YEAR", 2025, "SMALL", "PROVINCES-2024"))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("code", equalTo("CAMPAIGN_YEAR_MISMATCH"))
                .body("errors[0].field", equalTo("unitGroupCode"));
        // The district set of 2019–2021 cannot score 2018's districts... nor any set a year it did not exist.
        given().contentType(ContentType.JSON)
                .body(campaign("EARLY", 2018, FakeServices.DISTRICT_SET, "YB-DISTRICTS-2020"))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("code", equalTo("CAMPAIGN_YEAR_MISMATCH"));
        for (String code : List.of("LEVEL", "MIXED", "YEAR", "EARLY")) {
            given().get("/api/campaigns/" + code).then().statusCode(404);
        }
    }

    @Test
    void shouldRefuseApprovalWhileUnitsLackScoresUntilTheyAreExcludedWithAReason() {
        Map<String, Object> body = campaign("GAPS-2024", 2024, "SMALL", "PROVINCES-2024");
        body.put("appraisalRequired", false);
        post("/api/campaigns", body, 201);
        put(
                "/api/campaigns/GAPS-2024/assessments/10/scores",
                Map.of("scores", List.of(pts("T1.1", 30), pts("T1.2", 20), pts("T2.1", 40))),
                200);
        // 15 scored one criterion of three, 08 nothing.
        put("/api/campaigns/GAPS-2024/assessments/15/scores", Map.of("scores", List.of(pts("T1.1", 30))), 200);
        post("/api/campaigns/GAPS-2024/close-self-assessment", Map.of(), 200);
        post("/api/campaigns/GAPS-2024/start-appraisal", Map.of(), 200);
        given().post("/api/campaigns/GAPS-2024/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("RESULTS_INCOMPLETE"))
                .body("errors.field", hasItem("units.08"))
                .body("errors.field", hasItem("units.15"))
                .body("context.incompleteUnits", equalTo(2));
        given().get("/api/campaigns/GAPS-2024").then().body("status", equalTo("APPRAISAL"));
        put(
                "/api/campaigns/GAPS-2024/assessments/15/appraisal",
                Map.of(
                        "round",
                        1,
                        "scores",
                        List.of(
                                Map.of("criterionCode", "T1.2", "points", 10, "reason", "r"),
                                Map.of("criterionCode", "T2.1", "points", 30, "reason", "r"))),
                200);
        put("/api/campaigns/GAPS-2024/exclusions/08", Map.of("reason", "Không nộp báo cáo tự đánh giá"), 200);
        given().post("/api/campaigns/GAPS-2024/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        post("/api/campaigns/GAPS-2024/publish", Map.of("decisionNumber", "1/QĐ", "decisionDate", "2025-03-01"), 201);
        given().get("/api/rankings/GAPS-2024")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.unitCode == '08' }.rank", nullValue())
                .body("items.find { it.unitCode == '08' }.excluded.reason", equalTo("Không nộp báo cáo tự đánh giá"))
                .body("items.find { it.unitCode == '08' }.excluded.by", equalTo("test-admin"))
                .body("items.find { it.unitCode == '10' }.rankLabel", equalTo("1/2"))
                .body("items.find { it.unitCode == '15' }.rankLabel", equalTo("2/2"));
    }

    @Test
    void shouldKeepEvidenceAndExplanationOnAPartialUpdateAndRefuseAnEntryWithoutValue() {
        post("/api/campaigns", campaign("PARTIAL-2024", 2024, "SMALL", "PROVINCES-2024"), 201);
        String path = "/api/campaigns/PARTIAL-2024/assessments/10/scores";
        put(
                path,
                Map.of(
                        "scores",
                        List.of(Map.of(
                                "criterionCode",
                                "T1.1",
                                "points",
                                20,
                                "explanation",
                                "Đã hoàn thành 20/30",
                                "evidence",
                                List.of(Map.of("title", "Báo cáo 12/BC-UBND"))))),
                200);
        // Points only: evidence and explanation stay.
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(pts("T1.1", 25))))
                .put(path)
                .then()
                .statusCode(200)
                .body("scores.find { it.criterionCode == 'T1.1' }.self.score.points", equalTo(25))
                .body("scores.find { it.criterionCode == 'T1.1' }.self.explanation", equalTo("Đã hoàn thành 20/30"))
                .body(
                        "scores.find { it.criterionCode == 'T1.1' }.self.evidence[0].title",
                        equalTo("Báo cáo 12/BC-UBND"));
        // No value at all: 400 naming the entry, nothing changed.
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "T1.1"))))
                .put(path)
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_SCORE"))
                .body("errors[0].field", equalTo("scores[0]"));
        // Evidence sent empty clears it.
        given().contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "T1.1", "points", 25, "evidence", List.of()))))
                .put(path)
                .then()
                .statusCode(200)
                .body("scores.find { it.criterionCode == 'T1.1' }.self.score.points", equalTo(25))
                .body("scores.find { it.criterionCode == 'T1.1' }.self.evidence", nullValue())
                .body("scores.find { it.criterionCode == 'T1.1' }.self.explanation", equalTo("Đã hoàn thành 20/30"));
    }

    @Test
    void shouldKeepARatioThroughAppraisalAndLetTheCouncilCorrectIt() {
        Map<String, Object> body = campaign("RATIO-2021", 2021, FakeServices.DISTRICT_SET, "YB-DISTRICTS");
        post("/api/campaigns", body, 201);
        put(
                "/api/campaigns/RATIO-2021/assessments/132/scores",
                Map.of(
                        "scores",
                        List.of(
                                Map.of("criterionCode", "D1.2", "numerator", 69, "denominator", 70),
                                Map.of("criterionCode", "D3.2", "numerator", 278, "denominator", 278))),
                200);
        post("/api/campaigns/RATIO-2021/close-self-assessment", Map.of(), 200);
        post("/api/campaigns/RATIO-2021/start-appraisal", Map.of(), 200);
        // The council confirms D1.3 as entered and corrects D1.2 to 68 of 70 tasks.
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "round",
                        1,
                        "confirmSelfForOthers",
                        true,
                        "scores",
                        List.of(Map.of(
                                "criterionCode",
                                "D1.2",
                                "numerator",
                                68,
                                "denominator",
                                70,
                                "reason",
                                "Nhiệm vụ 70 chưa hoàn thành đúng hạn"))))
                .put("/api/campaigns/RATIO-2021/assessments/132/appraisal")
                .then()
                .statusCode(200)
                .body("scores.find { it.criterionCode == 'D3.2' }.appraisal1.numerator", equalTo(278))
                .body("scores.find { it.criterionCode == 'D3.2' }.appraisal1.denominator", equalTo(278))
                .body("scores.find { it.criterionCode == 'D1.2' }.appraisal1.numerator", equalTo(68))
                .body("scores.find { it.criterionCode == 'D1.2' }.appraisal1.valueDisplay", equalTo(97.1f))
                .body("scores.find { it.criterionCode == 'D1.2' }.self.score.valueDisplay", equalTo(98.6f));
        // An entry with a value and no reason is refused by validation; with two values by the rules.
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "round",
                        1,
                        "scores",
                        List.of(Map.of(
                                "criterionCode",
                                "D1.2",
                                "points",
                                1,
                                "numerator",
                                1,
                                "denominator",
                                2,
                                "reason",
                                "x"))))
                .put("/api/campaigns/RATIO-2021/assessments/132/appraisal")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scores[0]"));
        given().get("/api/campaigns/RATIO-2021/results/132")
                .then()
                .statusCode(200)
                .body("criteria.find { it.code == 'D1.2' }.numerator", equalTo(68))
                .body("criteria.find { it.code == 'D1.2' }.denominator", equalTo(70))
                .body("criteria.find { it.code == 'D1.2' }.valueDisplay", equalTo(97.1f))
                .body("criteria.find { it.code == 'D3.2' }.numerator", equalTo(278))
                .body("criteria.find { it.code == 'D3.2' }.finalPoints", notNullValue());
        given().get("/api/campaigns/RATIO-2021/assessments/132/history")
                .then()
                .statusCode(200)
                .body(
                        "find { it.action == 'APPRAISAL_ROUND_1' && it.criterionCode == 'D3.2' }.after.numerator",
                        equalTo(278))
                .body(
                        "find { it.action == 'APPRAISAL_ROUND_1' && it.criterionCode == 'D3.2' }.after.reason",
                        equalTo("Confirmed as self-assessed"));
        String csv = given().get("/api/campaigns/RATIO-2021/results/132?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(true, csv.lines().anyMatch(l -> l.startsWith("D1.2,") && l.contains(",68,70,97.1,")), csv);
    }

    @Test
    void shouldCheckExternalIndicesAgainstTheRegistryAndRankLowerFirstWhenAsked() {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "PERCENT", "values", List.of(Map.of("unitCode", "15", "value", -3))))
                .put("/api/indices/SIPAS-T/2024")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_IMPORT"))
                .body("errors[0].field", equalTo("values[0].value"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "values",
                        List.of(Map.of("unitCode", "15", "value", 80), Map.of("unitCode", "XX", "value", 70))))
                .put("/api/indices/SIPAS-T/2024")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNKNOWN_UNITS"))
                .body("errors[0].field", equalTo("values[1].unitCode"));
        // Old 10 is no unit at the end of 2025.
        given().contentType(ContentType.JSON)
                .body(Map.of("values", List.of(Map.of("unitCode", "10", "value", 80))))
                .put("/api/indices/SIPAS-T/2025")
                .then()
                .statusCode(400)
                .body("code", equalTo("UNKNOWN_UNITS"));
        given().get("/api/indices/SIPAS-T/2024").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Tỷ lệ hồ sơ trễ hạn",
                        "kind",
                        "PERCENT",
                        "lowerIsBetter",
                        true,
                        "values",
                        List.of(
                                Map.of("unitCode", "15", "value", 2.5),
                                Map.of("unitCode", "08", "value", 0.4),
                                Map.of("unitCode", "10", "value", 7))))
                .put("/api/indices/LATE/2024")
                .then()
                .statusCode(200)
                .body("lowerIsBetter", equalTo(true))
                .body("kind", equalTo("PERCENT"))
                .body("items[0].unitCode", equalTo("08"))
                .body("items.find { it.unitCode == '10' }.rankLabel", equalTo("3/3"))
                .body("items.find { it.unitCode == '10' }.unitName", equalTo("Tỉnh Lào Cai"));
    }

    @Test
    void shouldImportPublishedTotalsAndCompareTheNextYearWithThem() {
        post("/api/campaigns", campaign("IMP-2024", 2024, "SMALL", "PROVINCES-2024"), 201);
        Map<String, Object> table = Map.of(
                "decisionNumber",
                "1045/QĐ-BNV",
                "decisionDate",
                "2025-05-12",
                "sourceUrl",
                "https://moha.gov.vn/par-index-2024",
                "results",
                List.of(
                        Map.of("unitCode", "10", "totalPoints", 80),
                        Map.of("unitCode", "15", "totalPoints", 90),
                        Map.of(
                                "unitCode",
                                "08",
                                "totalPoints",
                                70,
                                "parts",
                                List.of(Map.of("code", "F1", "points", 40), Map.of("code", "F2", "points", 20)))));
        given().contentType(ContentType.JSON)
                .body(table)
                .post("/api/campaigns/IMP-2024/published-results")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_RESULTS"))
                .body("errors[0].field", equalTo("results[2].parts"));
        given().get("/api/campaigns/IMP-2024").then().body("status", equalTo("OPEN"));
        Map<String, Object> fixed = new HashMap<>(table);
        fixed.put(
                "results",
                List.of(
                        Map.of("unitCode", "10", "totalPoints", 80),
                        Map.of("unitCode", "15", "totalPoints", 90),
                        Map.of("unitCode", "08", "totalPoints", 70)));
        post("/api/campaigns/IMP-2024/published-results", fixed, 201);
        given().get("/api/rankings/IMP-2024")
                .then()
                .statusCode(200)
                .body("imported", equalTo(true))
                .body("sourceUrl", equalTo("https://moha.gov.vn/par-index-2024"))
                .body("items.find { it.unitCode == '15' }.rankLabel", equalTo("1/3"))
                .body("items.find { it.unitCode == '15' }.imported", equalTo(true));
        given().get("/api/campaigns/IMP-2024").then().body("resultsImported", equalTo(true));
        given().get("/api/campaigns/IMP-2024/results").then().statusCode(200).body("imported", equalTo(true));

        Map<String, Object> next = campaign("IMP-2025", 2025, "SMALL", "PROVINCES-2025");
        next.put("previousCampaignCode", "IMP-2024");
        next.put("comparisonRule", "MEAN_OF_PREDECESSORS");
        next.put("appraisalRequired", false);
        post("/api/campaigns", next, 201);
        put(
                "/api/campaigns/IMP-2025/assessments/15/scores",
                Map.of("scores", List.of(pts("T1.1", 30), pts("T1.2", 20), pts("T2.1", 38))),
                200);
        given().get("/api/campaigns/IMP-2025/results")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '15' }.comparison.rule", equalTo("MEAN_OF_PREDECESSORS"))
                .body("items.find { it.unitCode == '15' }.comparison.previousImported", equalTo(true))
                .body("items.find { it.unitCode == '15' }.previousIndexPercent", equalTo(85.0f))
                .body("items.find { it.unitCode == '15' }.pointsChange", equalTo(3.0f));
    }

    @Test
    @Order(1)
    void shouldLetAnAdministratorAssignTheAppraisalCouncil() {
        Map<String, Object> body = campaign("COUNCIL-2024", 2024, "SMALL", "PROVINCES-2024");
        post("/api/campaigns", body, 201);
        given().contentType(ContentType.JSON)
                .body(Map.of("appraisers", List.of("council-1", "council-2")))
                .put("/api/campaigns/COUNCIL-2024/appraisers")
                .then()
                .statusCode(200)
                .body("appraisers.appraiser", equalTo(List.of("council-1", "council-2")))
                .body("appraisers[0].assignedBy", equalTo("test-admin"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "council-1", roles = "appraiser")
    void shouldLetACouncilMemberAppraiseWithoutAClaim() {
        // Past the access check: the campaign is not in appraisal yet.
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 1, "scores", List.of()))
                .put("/api/campaigns/COUNCIL-2024/assessments/10/appraisal")
                .then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "council-9", roles = "appraiser")
    void shouldRefuseAnAppraiserOutsideTheCampaignsCouncil() {
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 1, "scores", List.of()))
                .put("/api/campaigns/COUNCIL-2024/assessments/10/appraisal")
                .then()
                .statusCode(403);
    }
}
