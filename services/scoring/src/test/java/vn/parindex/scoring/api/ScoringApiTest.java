package vn.parindex.scoring.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.criteria.rules.demo.YenBai2021;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.test.postgres.PostgresTestResource;

@QuarkusTest
// Writes here are an administrator's; access rules have their own tests.
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScoringApiTest {

    private static final String FUTURE = "2099-12-31T17:00:00+07:00";
    private static final List<String> OTHERS = List.of("133", "135", "136", "137", "138", "139", "140", "141");
    private static final CriteriaSet DISTRICT = DemoCatalogues.load().stream()
            .filter(s -> s.code().equals(FakeServices.DISTRICT_SET))
            .findFirst()
            .orElseThrow();

    @AfterEach
    void servicesBackUp() {
        FakeServices.registryDown = false;
        FakeServices.dossiersDown = false;
    }

    @Test
    void shouldScoreThanhPhoYenBai2021EndToEnd() {
        // 2020: the same city scored 4 points less on the survey (D8.4 2.22 instead of 6.22) → 91.435.
        runYenBaiCampaign("YB-2020", 2020, null, "2.22");
        JsonPath ranking = runYenBaiCampaign("YB-2021", 2021, "YB-2020", "6.22");

        Map<String, Object> city = item(ranking, "132");
        assertDecimal("95.435", decimal(city.get("totalPoints")));
        assertDecimal("95.44", decimal(city.get("indexPercent")));
        assertEquals(1, city.get("rank"));
        assertEquals("1/9", city.get("rankLabel"));
        // The change is on the index: 95.435 − 91.435, shown rounded half-up to 2 places.
        assertDecimal("4.00", decimal(city.get("pointsChange")));
        assertEquals(0, city.get("rankChange"));
        assertEquals("SAME_UNIT", ((Map<?, ?>) city.get("comparison")).get("rule"));
        assertEquals("PLACES", ((Map<?, ?>) city.get("comparison")).get("rankMeasure"));
        assertEquals(9, city.get("previousRankOutOf"));
        // Parts add up to the total: A 62.88 + B 24.42 + C 8.135 (+ no adjustment).
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) city.get("parts");
        assertEquals(
                List.of("A", "B", "C", "D_ADJ"),
                parts.stream().map(p -> p.get("code")).toList());
        assertDecimal("62.880", decimal(parts.get(0).get("points")));
        assertDecimal("24.420", decimal(parts.get(1).get("points")));
        assertDecimal("8.135", decimal(parts.get(2).get("points")));
        // Names and kinds once per table: the parts, then the fields with the part they belong to.
        List<Map<String, Object>> legend = ranking.getList("subtotals");
        assertEquals(
                List.of("A", "B", "C", "D_ADJ", "D1"),
                legend.subList(0, 5).stream().map(n -> n.get("code")).toList());
        assertEquals(true, legend.get(0).get("part"));
        assertEquals("A", legend.get(4).get("parentCode"));
        assertEquals("FIELD", legend.get(4).get("kind"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) city.get("fields");
        assertEquals(
                List.of("13.000", "6.500", "12.250", "5.000", "7.000", "6.000"),
                fields.subList(0, 6).stream()
                        .map(f -> decimal(f.get("points")).setScale(3).toPlainString())
                        .toList());
        // The eight others scored alike (96 % on time, a lower survey), all equal: they share rank 2 of 9.
        assertEquals(2, item(ranking, "133").get("rank"));
        assertEquals(2, item(ranking, "141").get("rank"));
        assertEquals("2/9", item(ranking, "135").get("rankLabel"));

        // "What lost you points", largest first.
        JsonPath detail = given().get("/api/campaigns/YB-2021/results/132")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Satisfaction (C: 8.135 of 10) lost the most; among the appraised criteria D1.4 (20 % inspected: half of 2)
        // lost 1.
        assertEquals("C", detail.getString("largestLosses[0].code"));
        assertDecimal("1.865", decimal(detail.get("largestLosses[0].pointsLost")));
        assertDecimal("1", decimal(detail.get("largestLosses.find { it.code == 'D1.4' }.pointsLost")));
        assertDecimal("2.000", decimal(detail.get("criteria.find { it.code == 'D2.2' }.selfPoints")));
        assertDecimal("1.5", decimal(detail.get("criteria.find { it.code == 'D2.2' }.appraisedPoints")));

        // Published: edits are refused; the history kept the appraisal with its reason.
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 2, "scores", List.of(appraisal("D2.2", "2", "late change"))))
                .put("/api/campaigns/YB-2021/assessments/132/appraisal")
                .then()
                .statusCode(409)
                .body("code", equalTo("CAMPAIGN_PUBLISHED"));
        given().get("/api/campaigns/YB-2021/assessments/132/history")
                .then()
                .statusCode(200)
                .body("find { it.action == 'APPRAISAL_ROUND_2' }.reason", equalTo("Giải trình chưa đủ căn cứ"))
                // Every change names its author: the token's principal.
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("test-admin")))
                .body("find { it.action == 'APPRAISAL_ROUND_1' && it.criterionCode == 'D2.2' }.before", nullValue())
                .body(
                        "find { it.action == 'APPRAISAL_ROUND_1' && it.criterionCode == 'D2.2' }.after.points",
                        equalTo(1.5f));

        // A correction publishes version 2; version 1 still reads as published.
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "reason", "Sai sót điểm D2.2",
                        "decisionNumber", "412/QĐ-UBND",
                        "decisionDate", "2022-04-10",
                        "scores", List.of(Map.of("unitCode", "132", "score", appraisal("D2.2", "2", "Bổ sung hồ sơ")))))
                .post("/api/campaigns/YB-2021/corrections")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
        given().get("/api/rankings/YB-2021")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("items.find { it.unitCode == '132' }.totalPoints", equalTo(95.935f));
        String etag = given().get("/api/rankings/YB-2021?version=1")
                .then()
                .statusCode(200)
                .body("items.find { it.unitCode == '132' }.totalPoints", equalTo(95.435f))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/rankings/YB-2021?version=1")
                .then()
                .statusCode(304);
        // The export's part columns add up to totalPoints on every row.
        String csv = given().get("/api/rankings/YB-2021?format=csv")
                .then()
                .statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .extract()
                .asString();
        assertPartsAddUp(csv, 9);
        byte[] xlsx = given().get("/api/campaigns/YB-2021/results?format=xlsx")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract()
                .asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII), "an XLSX is a zip");
    }

    @Test
    void shouldAnswerConflictToEveryLoserOfConcurrentCreatesOfOneCode() throws Exception {
        // Four different campaigns under one code at once: one is created, the others conflict (never a 500).
        List<Integer> different = race("RACE-2021", true);
        assertEquals(1, different.stream().filter(st -> st == 201).count(), "one creates: " + different);
        assertEquals(3, different.stream().filter(st -> st == 409).count(), "the others conflict: " + different);
        // The same request four times at once (a client retrying): one creates, the others get it back.
        List<Integer> same = race("RACE-2022", false);
        assertEquals(1, same.stream().filter(st -> st == 201).count(), "one creates: " + same);
        assertEquals(3, same.stream().filter(st -> st == 200).count(), "the others read it: " + same);
    }

    private static List<Integer> race(String code, boolean differentNames) throws Exception {
        int racers = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                Map<String, Object> create = Map.of(
                        "code",
                        code,
                        "name",
                        differentNames ? "Racer " + i : "Racer",
                        "year",
                        2021,
                        "criteriaSetCode",
                        FakeServices.DISTRICT_SET,
                        "unitGroupCode",
                        "YB-DISTRICTS",
                        "selfAssessmentDeadline",
                        FUTURE);
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .body(create)
                            .post("/api/campaigns")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (var a : answers) {
            statuses.add(a.get());
        }
        given().delete("/api/campaigns/" + code);
        return statuses;
    }

    /** A whole campaign for the nine districts: self, auto, survey, appraisal, approval, publication. */
    private JsonPath runYenBaiCampaign(String code, int year, String previous, String d84) {
        Map<String, Object> create = new HashMap<>(Map.of(
                "code",
                code,
                "year",
                year,
                "criteriaSetCode",
                FakeServices.DISTRICT_SET,
                "unitGroupCode",
                year == 2020 ? "YB-DISTRICTS-2020" : "YB-DISTRICTS",
                "selfAssessmentDeadline",
                FUTURE));
        if (previous != null) {
            create.put("previousCampaignCode", previous);
        }
        given().contentType(ContentType.JSON)
                .body(create)
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("memberCount", equalTo(9))
                .body("status", equalTo("OPEN"));

        List<Map<String, Object>> self = new ArrayList<>();
        List<String> survey = new ArrayList<>(List.of("unitCode,criterionCode,points,value"));
        Map<String, CriteriaNode> leaves = new HashMap<>();
        ResultCalculator.leaves(DISTRICT.nodes(), new ArrayList<>()).forEach(l -> leaves.put(l.code(), l));
        YenBai2021.leaves().forEach((leafCode, in) -> {
            CriteriaNode leaf = leaves.get(leafCode);
            if (leaf.scoreSource() == ScoreSource.SURVEY) {
                BigDecimal points = leafCode.equals("D8.4") ? new BigDecimal(d84) : in.points();
                survey.add("132," + leafCode + "," + (points == null ? "" : points.toPlainString()) + ","
                        + (in.value() == null ? "" : in.value().toPlainString()));
                // The others: one survey point less on D8.4.
                BigDecimal theirs = leafCode.equals("D8.4") ? new BigDecimal("1.22") : in.points();
                for (String unit : OTHERS) {
                    survey.add(unit + "," + leafCode + "," + (theirs == null ? "" : theirs.toPlainString()) + ","
                            + (in.value() == null ? "" : in.value().toPlainString()));
                }
            } else if (leaf.scoreSource() != ScoreSource.AUTO) {
                self.add(selfScore(leafCode, in));
            }
        });
        // The city claimed full points on D2.2 and D3.8; the council will not agree.
        self.replaceAll(s -> s.get("criterionCode").equals("D2.2")
                ? Map.of("criterionCode", "D2.2", "points", 2)
                : s.get("criterionCode").equals("D3.8") ? Map.of("criterionCode", "D3.8", "points", 1.5) : s);
        // Optimistic concurrency: the write names the ETag it read; a second write with the same (now stale) ETag
        // is refused and changes nothing.
        String read = given().get("/api/campaigns/" + code + "/assessments/132")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String written = given().contentType(ContentType.JSON)
                .header("If-Match", read)
                .body(Map.of("scores", self))
                .put("/api/campaigns/" + code + "/assessments/132/scores")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, written, "a write moves the ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", read)
                .body(Map.of("scores", List.of(Map.of("criterionCode", "D2.2", "points", 0))))
                .put("/api/campaigns/" + code + "/assessments/132/scores")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("ASSESSMENT_CHANGED"));
        given().get("/api/campaigns/" + code + "/assessments/132").then().header("ETag", equalTo(written));
        given().contentType(ContentType.JSON)
                .header("If-Match", "not-a-tag")
                .body(Map.of("scores", self))
                .put("/api/campaigns/" + code + "/assessments/132/scores")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        // The others claim everything in part A as the city entered it, without the two disputed criteria's excess.
        List<Map<String, Object>> others = self.stream()
                .map(s -> s.get("criterionCode").equals("D2.2")
                        ? Map.<String, Object>of("criterionCode", "D2.2", "points", 1.5)
                        : s.get("criterionCode").equals("D3.8")
                                ? Map.<String, Object>of("criterionCode", "D3.8", "points", 1.25)
                                : s)
                .toList();
        for (String unit : OTHERS) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("scores", others))
                    .put("/api/campaigns/" + code + "/assessments/" + unit + "/scores")
                    .then()
                    .statusCode(200);
        }
        given().post("/api/campaigns/" + code + "/assessments/132/submit")
                .then()
                .statusCode(200)
                .body("selfAssessment", equalTo("SUBMITTED"));
        given().post("/api/campaigns/" + code + "/auto-scores")
                .then()
                .statusCode(200)
                .body("units", equalTo(9))
                .body("stored", equalTo(18));
        // Unreadable lines are rejected by their line number (the header is line 1), good ones stored; the
        // messages speak the API's words, never Java's.
        given().contentType("text/csv")
                .body(String.join(
                        "\n",
                        survey.get(0),
                        survey.get(1),
                        "132,D8.4,abc,",
                        "132,D8.4,1\u00002,",
                        "132,D8.4,12345678901234567890,"))
                .post("/api/campaigns/" + code + "/survey-scores")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("rejected", equalTo(3))
                .body("errors.line", org.hamcrest.Matchers.contains(3, 4, 5))
                .body("errors.field", org.hamcrest.Matchers.everyItem(equalTo("points")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("java.")));
        given().contentType("text/csv")
                .body(String.join("\n", survey))
                .post("/api/campaigns/" + code + "/survey-scores")
                .then()
                .statusCode(200)
                .body("stored", equalTo(45))
                .body("rejected", equalTo(0));

        given().post("/api/campaigns/" + code + "/close-self-assessment").then().statusCode(200);
        given().post("/api/campaigns/" + code + "/start-appraisal").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "round",
                        1,
                        "confirmSelfForOthers",
                        true,
                        "scores",
                        List.of(
                                appraisal("D2.2", "1.5", "Thiếu báo cáo quý IV"),
                                appraisal("D3.8", "1.25", "Chưa đủ tài liệu kiểm chứng"))))
                .put("/api/campaigns/" + code + "/assessments/132/appraisal")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("criterionCode", "D2.2", "text", "Đã nộp bổ sung"))
                .put("/api/campaigns/" + code + "/assessments/132/explanations")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("round", 2, "scores", List.of(appraisal("D2.2", "1.5", "Giải trình chưa đủ căn cứ"))))
                .put("/api/campaigns/" + code + "/assessments/132/appraisal")
                .then()
                .statusCode(200);
        for (String unit : OTHERS) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("round", 1, "confirmSelfForOthers", true, "scores", List.of()))
                    .put("/api/campaigns/" + code + "/assessments/" + unit + "/appraisal")
                    .then()
                    .statusCode(200);
        }
        given().post("/api/campaigns/" + code + "/approve").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "350/QĐ-UBND", "decisionDate", (year + 1) + "-03-01"))
                .post("/api/campaigns/" + code + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(1));
        return given().get("/api/rankings/" + code)
                .then()
                .statusCode(200)
                .body("items", hasSize(9))
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> selfScore(String leafCode, LeafInput in) {
        Map<String, Object> s = YenBai2021.SelfEntry.of(in).asJson(leafCode);
        s.put("evidence", List.of(Map.of("title", "Báo cáo " + leafCode, "documentNumber", "12/BC-UBND")));
        return s;
    }

    static Map<String, Object> appraisal(String criterion, String points, String reason) {
        return Map.of("criterionCode", criterion, "points", new BigDecimal(points), "reason", reason);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(JsonPath ranking, String unitCode) {
        return ((List<Map<String, Object>>) ranking.get("items"))
                .stream()
                        .filter(i -> i.get("unitCode").equals(unitCode))
                        .findFirst()
                        .orElseThrow();
    }

    /** Every CSV row's part-point columns sum to its totalPoints. */
    static void assertPartsAddUp(String csv, int rows) {
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        int total = header.indexOf("totalPoints");
        List<Integer> partColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).endsWith(" points")) {
                partColumns.add(i);
            }
        }
        assertEquals(rows, lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            BigDecimal sum = BigDecimal.ZERO;
            // Parts come first among the sub-total columns, one per top-level node.
            for (int i : partColumns.subList(0, 4)) {
                sum = sum.add(cells[i].isEmpty() ? BigDecimal.ZERO : new BigDecimal(cells[i]));
            }
            assertDecimal(cells[total], sum);
        }
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    private static BigDecimal decimal(Object v) {
        return new BigDecimal(v.toString());
    }
}
