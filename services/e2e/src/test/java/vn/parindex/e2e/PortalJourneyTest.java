package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.criteria.rules.demo.YenBai2021;

/**
 * A portal client through the gateway, against the set started as the README starts it: a peer group and a
 * campaign, self-assessment as the city's unit officer, appraisal as an appraiser, survey import, publication,
 * and the public ranking (the worked example: 95.44, rank 1, +4 on the demo 2020 campaign); plus 401, 403, 429
 * and 503 with a service frozen.
 */
class PortalJourneyTest {

    private static final String CAMPAIGN = "YB-E2E-2021";
    private static final String CONTEST_CAMPAIGN = "YB-E2E-CONTEST-2021";

    private static RunningSet set;

    @BeforeAll
    static void startTheSet() throws Exception {
        set = healthySet();
        // The demo campaigns are published in the background once the registry and the catalogue answer.
        set.await(HTTP, GW + "/api/rankings/YB-DIST-2020", body -> true, Duration.ofMinutes(3));
        String admin = token("admin");
        call(
                "POST",
                "/api/unit-groups",
                admin,
                Map.of(
                        "code",
                        "E2E-YB-DISTRICTS",
                        "name",
                        "Huyện, thị xã, thành phố tỉnh Yên Bái (e2e)",
                        "year",
                        2021,
                        "rule",
                        Map.of("parentCode", "15", "level", "DISTRICT", "asOf", "2021-12-31")),
                201);
    }

    @Test
    void shouldPlayACampaignFromPeerGroupToPublicRanking() throws Exception {
        String admin = token("admin");
        String officer = token("officer-132");
        String appraiser = token("appraiser");

        approvedCityCampaign(CAMPAIGN, admin, officer, appraiser);
        call(
                "POST",
                "/api/campaigns/" + CAMPAIGN + "/publish",
                admin,
                Map.of("decisionNumber", "E2E/QĐ-UBND", "decisionDate", "2022-03-01"),
                201);

        JsonNode ranking = call("GET", "/api/rankings/" + CAMPAIGN, null, null, 200);
        JsonNode city = null;
        for (JsonNode item : ranking.get("items")) {
            if (item.get("unitCode").asText().equals("132")) {
                city = item;
            }
        }
        assertEquals(
                0, new BigDecimal("95.44").compareTo(city.get("indexPercent").decimalValue()), city.toString());
        assertEquals(1, city.get("rank").asInt());
        assertEquals("1/1", city.get("rankLabel").asText(), "the eight excluded districts are not ranked");
        // 95.435 against the published 91.41 of 2020 (imported): +4.025 → +4.03.
        assertEquals(
                0, new BigDecimal("4.03").compareTo(city.get("pointsChange").decimalValue()), city.toString());
        assertEquals("SAME_UNIT", city.get("comparison").get("rule").asText());
    }

    @Test
    void shouldTakeAContestOnAPreliminaryRankingBeforeTheFinalOne() throws Exception {
        String admin = token("admin");
        String officer = token("officer-132");
        String appraiser = token("appraiser");
        approvedCityCampaign(CONTEST_CAMPAIGN, admin, officer, appraiser);
        JsonNode preliminary = call(
                "POST",
                "/api/campaigns/" + CONTEST_CAMPAIGN + "/publish-preliminary",
                admin,
                Map.of(
                        "decisionNumber", "E2E-SB/QĐ-UBND",
                        "decisionDate", "2022-02-15",
                        "contestDeadline", "2099-12-31T17:00:00+07:00"),
                201);
        assertEquals("PRELIMINARY", preliminary.get("stage").asText(), preliminary.toString());

        // The city's officer contests one of its self-assessed criteria; another unit's officer may not.
        String criterion = cityCriterion();
        Map<String, Object> contest = Map.of(
                "unitCode", "132",
                "criterionCode", criterion,
                "reason", "Đã ban hành đủ văn bản trong năm (e2e)",
                "evidence", "https://example.gov.vn/e2e-minh-chung.pdf");
        call("POST", "/api/campaigns/" + CONTEST_CAMPAIGN + "/contests", token("officer-133"), contest, 403);
        JsonNode filed = call("POST", "/api/campaigns/" + CONTEST_CAMPAIGN + "/contests", officer, contest, 201);
        assertEquals("OPEN", filed.get("status").asText(), filed.toString());
        assertEquals("officer-132", filed.get("filedBy").asText());

        JsonNode open = call(
                "POST",
                "/api/campaigns/" + CONTEST_CAMPAIGN + "/publish",
                admin,
                Map.of("decisionNumber", "E2E-SB2/QĐ-UBND", "decisionDate", "2022-03-01"),
                409);
        assertEquals("CONTESTS_OPEN", open.get("code").asText(), open.toString());

        JsonNode decided = call(
                "POST",
                "/api/campaigns/" + CONTEST_CAMPAIGN + "/contests/"
                        + filed.get("id").asText() + "/decision",
                appraiser,
                Map.of("outcome", "REJECTED", "reason", "Văn bản ban hành sau kỳ đánh giá (e2e)"),
                200);
        assertEquals("REJECTED", decided.get("status").asText(), decided.toString());
        assertEquals("appraiser", decided.get("decidedBy").asText());

        call(
                "POST",
                "/api/campaigns/" + CONTEST_CAMPAIGN + "/publish",
                admin,
                Map.of("decisionNumber", "E2E-SB2/QĐ-UBND", "decisionDate", "2022-03-01"),
                201);
        JsonNode finalRanking = call("GET", "/api/rankings/" + CONTEST_CAMPAIGN, null, null, 200);
        JsonNode preliminaryRanking =
                call("GET", "/api/rankings/" + CONTEST_CAMPAIGN + "?stage=preliminary", null, null, 200);
        assertEquals("FINAL", finalRanking.get("stage").asText());
        assertEquals("PRELIMINARY", preliminaryRanking.get("stage").asText());
        // A rejected contest leaves the score as it was: 95.44 in both.
        for (JsonNode ranking : List.of(finalRanking, preliminaryRanking)) {
            JsonNode city = null;
            for (JsonNode item : ranking.get("items")) {
                if (item.get("unitCode").asText().equals("132")) {
                    city = item;
                }
            }
            assertEquals(
                    0,
                    new BigDecimal("95.44").compareTo(city.get("indexPercent").decimalValue()),
                    ranking.toString());
        }

        // Rank intervals of the same campaign (its survey was imported without sample sizes: a stated error).
        JsonNode intervals = call(
                "GET",
                "/api/campaigns/" + CONTEST_CAMPAIGN + "/rank-uncertainty?surveyStandardError=2",
                admin,
                null,
                200);
        assertTrue(intervals.toString().contains("\"132\""), intervals.toString());
    }

    /** The first self-assessed leaf of the city in the district set: one the officer can contest. */
    private static String cityCriterion() {
        CriteriaSet district = DemoCatalogues.load().stream()
                .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
                .findFirst()
                .orElseThrow();
        Map<String, CriteriaNode> leaves = new HashMap<>();
        collect(district.nodes(), leaves);
        return YenBai2021.leaves().keySet().stream()
                .filter(code -> leaves.get(code).scoreSource() != ScoreSource.SURVEY
                        && leaves.get(code).scoreSource() != ScoreSource.AUTO)
                .sorted()
                .findFirst()
                .orElseThrow();
    }

    /**
     * A 2021 district campaign on the e2e group, played as the offices do: the city's officer self-assesses and
     * submits, an appraiser appraises, the survey is imported, the eight other districts are excluded, approved.
     */
    private static void approvedCityCampaign(String campaign, String admin, String officer, String appraiser)
            throws Exception {
        call(
                "POST",
                "/api/campaigns",
                admin,
                Map.of(
                        "code",
                        campaign,
                        "year",
                        2021,
                        "criteriaSetCode",
                        "PAR_DIST_YB_2021",
                        "unitGroupCode",
                        "E2E-YB-DISTRICTS",
                        "previousCampaignCode",
                        "YB-DIST-2020",
                        "selfAssessmentDeadline",
                        "2099-12-31T17:00:00+07:00"),
                201);

        CriteriaSet district = DemoCatalogues.load().stream()
                .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
                .findFirst()
                .orElseThrow();
        Map<String, CriteriaNode> leaves = new HashMap<>();
        collect(district.nodes(), leaves);
        List<Map<String, Object>> self = new ArrayList<>();
        List<String> survey = new ArrayList<>(List.of("unitCode,criterionCode,points,value"));
        List<Map<String, Object>> fed = new ArrayList<>();
        for (Map.Entry<String, LeafInput> e : YenBai2021.leaves().entrySet()) {
            CriteriaNode leaf = leaves.get(e.getKey());
            LeafInput in = e.getValue();
            if (leaf.scoreSource() == ScoreSource.SURVEY) {
                survey.add("132," + e.getKey() + ","
                        + (in.points() == null ? "" : in.points().toPlainString()) + ","
                        + (in.value() == null ? "" : in.value().toPlainString()));
            } else if (leaf.scoreSource() == ScoreSource.AUTO) {
                // The demo dossiers cover 2025-2026: the council takes 2021's figures from the year's report.
                fed.add(Map.of(
                        "criterionCode", e.getKey(), "points", leaf.maxPoints(), "reason", "Báo cáo TTHC năm 2021"));
            } else {
                self.add(selfScore(e.getKey(), in));
            }
        }
        Map<String, Object> scores = Map.of("scores", self);

        // Without a token a write is refused; a unit officer writes its own unit only.
        call("PUT", "/api/campaigns/" + campaign + "/assessments/132/scores", null, scores, 401);
        call("PUT", "/api/campaigns/" + campaign + "/assessments/133/scores", officer, scores, 403);
        call("PUT", "/api/campaigns/" + campaign + "/assessments/132/scores", officer, scores, 200);
        call("POST", "/api/campaigns/" + campaign + "/assessments/132/submit", officer, null, 200);

        call("POST", "/api/campaigns/" + campaign + "/close-self-assessment", admin, null, 200);
        call("POST", "/api/campaigns/" + campaign + "/start-appraisal", admin, null, 200);
        List<Map<String, Object>> appraised = new ArrayList<>(fed);
        call(
                "PUT",
                "/api/campaigns/" + campaign + "/assessments/132/appraisal",
                appraiser,
                Map.of("round", 1, "confirmSelfForOthers", true, "scores", appraised),
                200);
        String csv = String.join("\n", survey);
        JsonNode imported = send("POST", "/api/campaigns/" + campaign + "/survey-scores", admin, "text/csv", csv, 200);
        assertEquals(0, imported.get("rejected").asInt(), imported.toString());
        // The other eight districts were not scored in this journey: approval refuses them until they are excluded.
        JsonNode refused = call("POST", "/api/campaigns/" + campaign + "/approve", admin, null, 409);
        assertEquals("RESULTS_INCOMPLETE", refused.get("code").asText(), refused.toString());
        for (String other : List.of("133", "135", "136", "137", "138", "139", "140", "141")) {
            call(
                    "PUT",
                    "/api/campaigns/" + campaign + "/exclusions/" + other,
                    admin,
                    Map.of("reason", "Không thuộc phạm vi kiểm thử"),
                    200);
        }
        call("POST", "/api/campaigns/" + campaign + "/approve", admin, null, 200);
    }

    @Test
    void shouldLimitAClientPastItsRate() throws Exception {
        String editor = token("editor");
        int limited = 0;
        JsonNode problem = null;
        for (int i = 0; i < 400 && limited == 0; i++) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(GW + "/api/metrics"))
                            .header("Authorization", "Bearer " + editor)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                limited++;
                problem = JSON.readTree(r.body());
                assertTrue(r.headers().firstValue("Retry-After").isPresent());
            }
        }
        assertTrue(limited > 0, "400 quick requests never hit the rate limit");
        assertEquals("RATE_LIMITED", problem.get("code").asText());
    }

    @Test
    void shouldAnswer503NamingAServiceThatDoesNotAnswer() throws Exception {
        // The catalogue: the gateway waits its 10 s for it (scoring gets longer, for its own dependency budget).
        ProcessHandle catalogue = set.service("criteria-catalogue").orElseThrow();
        signal(catalogue, "STOP");
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(GW + "/api/criteria-sets"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(503, r.statusCode(), r.body());
            JsonNode problem = JSON.readTree(r.body());
            assertEquals("SERVICE_UNAVAILABLE", problem.get("code").asText());
            assertTrue(problem.get("detail").asText().contains("criteria-catalogue"), problem.toString());
            assertTrue(seconds < 20, "answered after " + seconds + " s");
        } finally {
            signal(catalogue, "CONT");
        }
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor());
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        return send(
                method, path, token, "application/json", body == null ? null : JSON.writeValueAsString(body), expected);
    }

    private static JsonNode send(String method, String path, String token, String type, String body, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GW + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private static Map<String, Object> selfScore(String code, LeafInput in) {
        Map<String, Object> s = YenBai2021.SelfEntry.of(in).asJson(code);
        return s;
    }

    private static void collect(List<CriteriaNode> nodes, Map<String, CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            into.put(n.code(), n);
            collect(n.children(), into);
        }
    }
}
