package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.jwt.Claim;
import io.quarkus.test.security.jwt.ClaimType;
import io.quarkus.test.security.jwt.JwtSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The contest window on real PostgreSQL: a preliminary ranking with a deadline; unit 10's officer contests, unit
 * 15's officer may not contest for 10 (403); the final publication is refused while contests are open; the council
 * accepts one (score corrected, results recomputed) and rejects another; both rankings stay readable; after the
 * deadline no contest is taken and undecided ones lapse at the final publication. Every step is in the history.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ContestWindowApiTest {

    private static final String A = "CONTEST-A-2024";
    private static final String B = "CONTEST-B-2024";

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> pts(String criterion, double points) {
        return Map.of("criterionCode", criterion, "points", points);
    }

    private static void preliminary(String code) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                code,
                "year",
                2024,
                "criteriaSetCode",
                "SMALL",
                "unitGroupCode",
                "PROVINCES-2024",
                "selfAssessmentDeadline",
                "2099-12-31T17:00:00+07:00"));
        body.put("appraisalRequired", false);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(201);
        Map<String, List<Map<String, Object>>> self = Map.of(
                "10", List.of(pts("T1.1", 30), pts("T1.2", 10), pts("T2.1", 40)),
                "15", List.of(pts("T1.1", 30), pts("T1.2", 15), pts("T2.1", 40)),
                "08", List.of(pts("T1.1", 20), pts("T1.2", 10), pts("T2.1", 30)));
        self.forEach((unit, scores) -> given().contentType(ContentType.JSON)
                .body(Map.of("scores", scores))
                .put("/api/campaigns/" + code + "/assessments/" + unit + "/scores")
                .then()
                .statusCode(200));
        given().post("/api/campaigns/" + code + "/close-self-assessment").then().statusCode(200);
        given().post("/api/campaigns/" + code + "/start-appraisal").then().statusCode(200);
        // Not approved yet: no preliminary ranking.
        Map<String, Object> publish = Map.of(
                "decisionNumber",
                "1/QĐ-SB",
                "decisionDate",
                "2025-03-01",
                "contestDeadline",
                "2099-03-15T17:00:00+07:00");
        given().contentType(ContentType.JSON)
                .body(publish)
                .post("/api/campaigns/" + code + "/publish-preliminary")
                .then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        given().post("/api/campaigns/" + code + "/approve").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "decisionNumber",
                        "1/QĐ-SB",
                        "decisionDate",
                        "2025-03-01",
                        "contestDeadline",
                        "2020-03-15T17:00:00+07:00"))
                .post("/api/campaigns/" + code + "/publish-preliminary")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("contestDeadline"));
        given().contentType(ContentType.JSON)
                .body(publish)
                .post("/api/campaigns/" + code + "/publish-preliminary")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("stage", equalTo("PRELIMINARY"));
    }

    private static Map<String, Object> contest(String unit, String criterion) {
        return Map.of(
                "unitCode",
                unit,
                "criterionCode",
                criterion,
                "reason",
                "Kế hoạch đã hoàn thành đủ",
                "evidence",
                "https://example.gov.vn/bao-cao.pdf");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "test-admin", roles = "admin")
    void shouldPublishAPreliminaryRankingWithItsDeadline() {
        preliminary(A);
        preliminary(B);
        given().get("/api/rankings/" + A)
                .then()
                .statusCode(200)
                .body("stage", equalTo("PRELIMINARY"))
                .body("contestDeadline", notNullValue())
                .body("items.find { it.unitCode == '10' }.totalPoints", equalTo(80.0f));
        given().get("/api/campaigns/" + A).then().body("status", equalTo("PRELIMINARY"));
        // Scores are frozen outside contests.
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Không nộp báo cáo"))
                .put("/api/campaigns/" + A + "/exclusions/08")
                .then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "officer-10", roles = "unit-officer")
    @JwtSecurity(claims = @Claim(key = "units", value = "[\"10\"]", type = ClaimType.JSON_ARRAY))
    void shouldTakeAContestFromTheUnitsOwnOfficer() {
        given().contentType(ContentType.JSON)
                .body(contest("10", "T1.2"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("pointsBefore", equalTo(10))
                .body("filedBy", equalTo("officer-10"));
        given().contentType(ContentType.JSON)
                .body(contest("10", "T2.1"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(contest("10", "T1.1"))
                .post("/api/campaigns/" + B + "/contests")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(contest("10", "NOPE"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(404)
                .body("errors[0].field", equalTo("criterionCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("unitCode", "10", "criterionCode", "T1.2"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/campaigns/" + A + "/contests").then().statusCode(200).body("", hasSize(2));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "officer-15", roles = "unit-officer")
    @JwtSecurity(claims = @Claim(key = "units", value = "[\"15\"]", type = ClaimType.JSON_ARRAY))
    void shouldRefuseAContestFromAnotherUnitsOfficer() {
        given().contentType(ContentType.JSON)
                .body(contest("10", "T1.1"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // Nor may it decide, or see unit 10's contests.
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "x"))
                .post("/api/campaigns/" + A + "/contests/1/decision")
                .then()
                .statusCode(403);
        given().get("/api/campaigns/" + A + "/contests").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "test-admin", roles = "admin")
    void shouldRefuseTheFinalPublicationWhileContestsAreOpen() {
        given().contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "2/QĐ-SB", "decisionDate", "2025-03-20"))
                .post("/api/campaigns/" + A + "/publish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CONTESTS_OPEN"))
                .body("context.openContests", equalTo(2));
        given().get("/api/campaigns/" + A).then().body("status", equalTo("PRELIMINARY"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "council-a", roles = "appraiser")
    @JwtSecurity(claims = @Claim(key = "campaigns", value = "[\"CONTEST-*\"]", type = ClaimType.JSON_ARRAY))
    void shouldLetTheCouncilAcceptAndReject() {
        List<Integer> ids = given().get("/api/campaigns/" + A + "/contests")
                .then()
                .extract()
                .path("id");
        int accepted = ids.get(0);
        int rejected = ids.get(1);
        String decide = "/api/campaigns/" + A + "/contests/";
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "ACCEPTED", "reason", "Đủ hồ sơ"))
                .post(decide + accepted + "/decision")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("correctedPoints"));
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "ACCEPTED", "correctedPoints", 25, "reason", "Đủ hồ sơ"))
                .post(decide + accepted + "/decision")
                .then()
                .statusCode(400)
                .body("code", equalTo("SCORE_ABOVE_MAX"))
                .body("errors[0].field", equalTo("correctedPoints"));
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "ACCEPTED", "correctedPoints", 20, "reason", "Đủ hồ sơ"))
                .post(decide + accepted + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("pointsBefore", equalTo(10))
                .body("pointsAfter", equalTo(20))
                .body("decidedBy", equalTo("council-a"));
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "Không có minh chứng mới"))
                .post(decide + rejected + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "again"))
                .post(decide + rejected + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("CONTEST_DECIDED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "x"))
                .post(decide + "999999/decision")
                .then()
                .statusCode(404)
                .body("code", equalTo("CONTEST_NOT_FOUND"));
        // The accepted correction is in the live results: 10 now has 90 points and ranks first.
        given().get("/api/campaigns/" + A + "/results")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '10' }.totalPoints", equalTo(90.0f))
                .body("items.find { it.unitCode == '10' }.rank", equalTo(1));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "test-admin", roles = "admin")
    void shouldPublishTheFinalRankingAndKeepThePreliminaryReadable() {
        given().contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "2/QĐ-SB", "decisionDate", "2025-03-20"))
                .post("/api/campaigns/" + A + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .body("stage", equalTo("FINAL"));
        given().get("/api/rankings/" + A + "?stage=preliminary")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("stage", equalTo("PRELIMINARY"))
                .body("items.find { it.unitCode == '10' }.totalPoints", equalTo(80.0f));
        given().get("/api/rankings/" + A)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("stage", equalTo("FINAL"))
                .body("items.find { it.unitCode == '10' }.totalPoints", equalTo(90.0f));
        given().get("/api/rankings/" + A + "?stage=final").then().body("version", equalTo(2));
        given().get("/api/rankings/" + A + "?stage=draft").then().statusCode(400);
        given().get("/api/rankings/" + A + "/versions").then().body("stage", equalTo(List.of("PRELIMINARY", "FINAL")));
        given().get("/api/campaigns/" + A + "/assessments/10/history")
                .then()
                .statusCode(200)
                .body("action", hasItems("CONTEST_FILED", "CORRECTION", "CONTEST_ACCEPTED", "CONTEST_REJECTED"))
                .body("find { it.action == 'CONTEST_ACCEPTED' }.actor", equalTo("council-a"))
                .body("find { it.action == 'CONTEST_ACCEPTED' }.before.points", equalTo(10))
                .body("find { it.action == 'CONTEST_ACCEPTED' }.after.points", equalTo(20))
                .body("find { it.action == 'CONTEST_FILED' }.actor", equalTo("officer-10"));
        given().contentType(ContentType.JSON)
                .body(contest("10", "T1.1"))
                .post("/api/campaigns/" + A + "/contests")
                .then()
                .statusCode(409)
                .body("code", equalTo("CONTEST_WINDOW_CLOSED"));
        // Intervals on the final ranking (no survey part: weights only).
        given().get("/api/rankings/" + A + "?uncertainty=true")
                .then()
                .statusCode(200)
                .body("items.uncertainty.medianRank", hasItem(1));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "test-admin", roles = "admin")
    void shouldTakeNoContestAfterTheDeadlineAndLapseTheUndecided() throws Exception {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "UPDATE campaign SET contest_deadline = now() - interval '1 minute' WHERE code = ?")) {
            s.setString(1, B);
            s.executeUpdate();
        }
        given().contentType(ContentType.JSON)
                .body(contest("10", "T2.1"))
                .post("/api/campaigns/" + B + "/contests")
                .then()
                .statusCode(409)
                .body("code", equalTo("CONTEST_WINDOW_CLOSED"));
        int id = given().get("/api/campaigns/" + B + "/contests")
                .then()
                .extract()
                .path("[0].id");
        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "late"))
                .post("/api/campaigns/" + B + "/contests/" + id + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("CONTEST_DECIDED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "3/QĐ-SB", "decisionDate", "2025-03-20"))
                .post("/api/campaigns/" + B + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
        given().get("/api/campaigns/" + B + "/contests")
                .then()
                .body("[0].status", equalTo("LAPSED"))
                .body("[0].decidedBy", equalTo("contest-deadline"));
        given().get("/api/campaigns/" + B + "/assessments/10/history")
                .then()
                .body("action", hasItems("CONTEST_FILED", "CONTEST_LAPSED"));
    }
}
