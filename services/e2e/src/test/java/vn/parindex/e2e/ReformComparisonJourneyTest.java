package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.demo.DemoCatalogues;

/**
 * The 2025 reform as a provincial office plays it through the gateway, on units, events and groups it creates
 * itself next to the registry's real 2024 and 2025 provinces: a province of its own that is split in 2025, and
 * one created in 2025 from nothing. The published 2024 totals are imported; the 2025 campaign is scored,
 * approved and published; the public ranking names, for each province, the rule it was compared by.
 */
class ReformComparisonJourneyTest {

    private static final CriteriaSet PROVINCIAL = DemoCatalogues.load().stream()
            .filter(s -> s.code().equals("PAR_PROV_2024"))
            .findFirst()
            .orElseThrow();

    @BeforeAll
    static void startTheSet() throws Exception {
        RunningSet set = healthySet();
        set.await(HTTP, GW + "/api/criteria-sets/PAR_PROV_2024", body -> true, Duration.ofMinutes(2));
        set.await(HTTP, GW + "/api/units/15?asOf=2025-12-31", body -> true, Duration.ofMinutes(2));
    }

    @Test
    void shouldCompare2025ProvincesWith2024PublishedTotalsByLineage() throws Exception {
        String admin = token("admin");

        // A province of the office's own since 2024, split into two on 2025-09-01; another created on 2025-08-01.
        call("POST", "/api/units", admin, unit("97", "Tỉnh Thử Nghiệm", "2024-01-01"), 201);
        call("POST", "/api/units", admin, unit("90", "Tỉnh Mới Lập", "2025-08-01"), 201);
        call(
                "POST",
                "/api/unit-events",
                admin,
                Map.of(
                        "kind",
                        "SPLIT",
                        "effectiveDate",
                        "2025-09-01",
                        "legalBasis",
                        "Nghị quyết thử nghiệm E2E",
                        "predecessors",
                        List.of(Map.of("code", "97", "part", "PARTIAL")),
                        "successors",
                        List.of(
                                Map.of(
                                        "code",
                                        "98",
                                        "name",
                                        "Tỉnh Thử Nghiệm Bắc",
                                        "type",
                                        "tỉnh",
                                        "level",
                                        "PROVINCE"),
                                Map.of(
                                        "code",
                                        "99",
                                        "name",
                                        "Tỉnh Thử Nghiệm Nam",
                                        "type",
                                        "tỉnh",
                                        "level",
                                        "PROVINCE"))),
                201);

        List<String> provinces2024 = provinces("2024-12-31", admin);
        List<String> provinces2025 = provinces("2025-12-31", admin);
        assertEquals(64, provinces2024.size(), provinces2024.toString());
        assertEquals(37, provinces2025.size(), provinces2025.toString());
        call("POST", "/api/unit-groups", admin, group("E2E-PROV-2024", 2024, provinces2024), 201);
        call("POST", "/api/unit-groups", admin, group("E2E-PROV-2025", 2025, provinces2025), 201);

        // 2024: only the published totals are known; they are imported with their source.
        call("POST", "/api/campaigns", admin, campaign("E2E-PROV-2024", 2024, "E2E-PROV-2024", null), 201);
        Map<String, BigDecimal> totals2024 = new TreeMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String code : provinces2024) {
            BigDecimal total = total(code, 2024);
            totals2024.put(code, total);
            lines.add(Map.of("unitCode", code, "totalPoints", total));
        }
        call(
                "POST",
                "/api/campaigns/E2E-PROV-2024/published-results",
                admin,
                Map.of(
                        "decisionNumber",
                        "E2E/QĐ-BNV",
                        "decisionDate",
                        "2025-05-12",
                        "sourceUrl",
                        "https://example.gov.vn/par-index-2024",
                        "results",
                        lines),
                201);
        JsonNode imported = call("GET", "/api/rankings/E2E-PROV-2024", null, null, 200);
        assertTrue(imported.get("imported").asBoolean());
        assertEquals("1/64", imported.get("items").get(0).get("rankLabel").asText());

        // 2025 by lineage; a retry of the same request (a timeout on the way back) gets the same campaign.
        Map<String, Object> create2025 = campaign("E2E-PROV-2025", 2025, "E2E-PROV-2025", "E2E-PROV-2024");
        long start = System.nanoTime();
        call("POST", "/api/campaigns", admin, create2025, 201);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "creating the 2025 campaign took " + seconds + " s (the gateway waits 10 s)");
        JsonNode again = call("POST", "/api/campaigns", admin, create2025, 200);
        assertEquals(37, again.get("memberCount").asInt());

        score2025(admin, provinces2025);
        call("POST", "/api/campaigns/E2E-PROV-2025/approve", admin, null, 200);
        call(
                "POST",
                "/api/campaigns/E2E-PROV-2025/publish",
                admin,
                Map.of("decisionNumber", "E2E-2025/QĐ-BNV", "decisionDate", "2026-05-10"),
                201);

        JsonNode ranking = call("GET", "/api/rankings/E2E-PROV-2025", null, null, 200);
        assertEquals("MEAN_OF_PREDECESSORS", ranking.get("comparisonRule").asText());
        Map<String, JsonNode> byCode = new HashMap<>();
        Map<String, Integer> rules = new TreeMap<>();
        for (JsonNode item : ranking.get("items")) {
            byCode.put(item.get("unitCode").asText(), item);
            rules.merge(item.get("comparison").get("rule").asText(), 1, Integer::sum);
            assertTrue(item.get("imported").isBoolean() && !item.get("imported").asBoolean());
            // Never places across 64 → 37.
            assertTrue(item.get("rankChange").isNull(), item.toString());
        }
        // 11 provinces kept their territory, 23 were formed by mergers, 98 and 99 by the split, 90 from nothing.
        assertEquals(Map.of("MEAN_OF_PREDECESSORS", 25, "NONE", 1, "SAME_UNIT", 11), rules, rules.toString());

        JsonNode laoCai = byCode.get("15");
        assertEquals(
                "MEAN_OF_PREDECESSORS", laoCai.get("comparison").get("rule").asText());
        assertEquals(List.of("10", "15"), texts(laoCai.get("comparison").get("comparedWith")));
        assertEquals("PERCENTILE", laoCai.get("comparison").get("rankMeasure").asText());
        assertTrue(laoCai.get("comparison").get("previousImported").asBoolean());
        assertNull(JSON.convertValue(laoCai.get("previousRank"), Integer.class));
        assertEquals(64, laoCai.get("previousRankOutOf").asInt());
        BigDecimal mean =
                totals2024.get("10").add(totals2024.get("15")).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
        BigDecimal expected =
                laoCai.get("indexPercentExact").decimalValue().subtract(mean).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(laoCai.get("pointsChange").decimalValue()), laoCai.toString());

        JsonNode haNoi = byCode.get("01");
        assertEquals("SAME_UNIT", haNoi.get("comparison").get("rule").asText());
        assertEquals("PERCENTILE", haNoi.get("comparison").get("rankMeasure").asText());
        assertTrue(haNoi.get("percentileChange").isNumber(), haNoi.toString());

        for (String split : List.of("98", "99")) {
            JsonNode half = byCode.get(split);
            assertEquals(
                    "MEAN_OF_PREDECESSORS", half.get("comparison").get("rule").asText(), half.toString());
            assertEquals(List.of("97"), texts(half.get("comparison").get("comparedWith")));
        }
        JsonNode created = byCode.get("90");
        assertEquals("NONE", created.get("comparison").get("rule").asText());
        assertTrue(created.get("comparison").get("note").asText().contains("predecessor"), created.toString());
        assertTrue(created.get("pointsChange").isNull());

        // The CSV a press office downloads: parts add up to the total on every line.
        String csv = send("GET", "/api/rankings/E2E-PROV-2025?format=csv", null, null, null, 200);
        List<String> rows = csv.replace("\uFEFF", "").lines().toList();
        List<String> header = List.of(rows.getFirst().split(","));
        int total = header.indexOf("totalPoints");
        List<Integer> parts = new ArrayList<>();
        for (CriteriaNode top : PROVINCIAL.nodes()) {
            parts.add(header.indexOf(top.code() + " points"));
        }
        assertEquals(38, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            BigDecimal sum = BigDecimal.ZERO;
            for (int i : parts) {
                sum = sum.add(cells[i].isEmpty() ? BigDecimal.ZERO : new BigDecimal(cells[i]));
            }
            assertEquals(0, sum.compareTo(new BigDecimal(cells[total])), row);
        }
    }

    /** Self scores of every 2025 province (appraisal not required), survey points, dossier-fed points by the council. */
    private static void score2025(String admin, List<String> provinces) throws Exception {
        List<CriteriaNode> leaves = new ArrayList<>();
        collectLeaves(PROVINCIAL.nodes(), leaves);
        List<String> survey = new ArrayList<>(List.of("unitCode,criterionCode,points,value"));
        for (String unit : provinces) {
            List<Map<String, Object>> self = new ArrayList<>();
            for (CriteriaNode leaf : leaves) {
                int h = Math.floorMod((unit + "/" + leaf.code()).hashCode(), 4);
                ScoreSource source = leaf.scoreSource() == null ? ScoreSource.APPRAISED : leaf.scoreSource();
                if (leaf.kind() == NodeKind.ADJUSTMENT || source == ScoreSource.AUTO) {
                    continue;
                }
                if (source == ScoreSource.SURVEY) {
                    BigDecimal points = leaf.maxPoints()
                            .multiply(BigDecimal.valueOf(70 + 10 * h))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                    survey.add(unit + "," + leaf.code() + "," + points.toPlainString() + ",");
                } else if (leaf.rule().metric() != null) {
                    self.add(Map.of("criterionCode", leaf.code(), "numerator", 85 + 5 * h, "denominator", 100));
                } else if (leaf.rule() instanceof Rule.Evidence) {
                    self.add(Map.of("criterionCode", leaf.code(), "level", h == 0 ? "PARTIAL" : "FULL"));
                } else {
                    self.add(Map.of(
                            "criterionCode", leaf.code(), "points", h == 0 ? BigDecimal.ZERO : leaf.maxPoints()));
                }
            }
            call(
                    "PUT",
                    "/api/campaigns/E2E-PROV-2025/assessments/" + unit + "/scores",
                    admin,
                    Map.of("scores", self),
                    200);
        }
        JsonNode report = JSON.readTree(send(
                "POST",
                "/api/campaigns/E2E-PROV-2025/survey-scores",
                admin,
                "text/csv",
                String.join("\n", survey),
                200));
        assertEquals(0, report.get("rejected").asInt(), report.toString());
        call("POST", "/api/campaigns/E2E-PROV-2025/close-self-assessment", admin, null, 200);
        call("POST", "/api/campaigns/E2E-PROV-2025/start-appraisal", admin, null, 200);
        List<Map<String, Object>> fed = new ArrayList<>();
        for (CriteriaNode leaf : leaves) {
            if (leaf.scoreSource() == ScoreSource.AUTO) {
                fed.add(Map.of(
                        "criterionCode", leaf.code(), "points", leaf.maxPoints(), "reason", "Báo cáo TTHC năm 2025"));
            }
        }
        if (!fed.isEmpty()) {
            for (String unit : provinces) {
                call(
                        "PUT",
                        "/api/campaigns/E2E-PROV-2025/assessments/" + unit + "/appraisal",
                        admin,
                        Map.of("round", 1, "scores", fed),
                        200);
            }
        }
    }

    private static BigDecimal total(String code, int year) {
        int h = Math.floorMod((code + "/" + year).hashCode(), 2000);
        return BigDecimal.valueOf(7000 + h, 2); // 70.00 … 89.99
    }

    private static Map<String, Object> unit(String code, String name, String validFrom) {
        return Map.of(
                "code",
                code,
                "name",
                name,
                "type",
                "tỉnh",
                "level",
                "PROVINCE",
                "validFrom",
                validFrom,
                "legalBasis",
                "Nghị quyết thử nghiệm E2E");
    }

    private static Map<String, Object> group(String code, int year, List<String> members) {
        return Map.of(
                "code",
                code,
                "name",
                "Các tỉnh " + year + " (e2e)",
                "year",
                year,
                "memberCodes",
                members,
                "asOf",
                year + "-12-31");
    }

    private static Map<String, Object> campaign(String code, int year, String group, String previous) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("year", year);
        body.put("criteriaSetCode", "PAR_PROV_2024");
        body.put("unitGroupCode", group);
        body.put("selfAssessmentDeadline", "2099-12-31T17:00:00+07:00");
        body.put("appraisalRequired", false);
        if (previous != null) {
            body.put("previousCampaignCode", previous);
            body.put("comparisonRule", "MEAN_OF_PREDECESSORS");
        }
        return body;
    }

    private static List<String> provinces(String asOf, String token) throws Exception {
        JsonNode page = call("GET", "/api/units?level=PROVINCE&size=200&asOf=" + asOf, token, null, 200);
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(u -> codes.add(u.get("code").asText()));
        return codes;
    }

    private static void collectLeaves(List<CriteriaNode> nodes, List<CriteriaNode> into) {
        for (CriteriaNode n : nodes) {
            if (n.isLeaf()) {
                into.add(n);
            } else {
                collectLeaves(n.children(), into);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        String answer = send(
                method, path, token, "application/json", body == null ? null : JSON.writeValueAsString(body), expected);
        return answer.isBlank() ? JSON.nullNode() : JSON.readTree(answer);
    }

    /** One request through the gateway; a 429 (this client's rate) or a 503 is waited out as a client should. */
    private static String send(String method, String path, String token, String type, String body, int expected)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(GW + path)).timeout(Duration.ofSeconds(60));
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
            if (r.statusCode() == 429 && attempt < 20) {
                Thread.sleep(1000L
                        * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            // A dependency still settling after the start (scoring's breaker to the registry) answers 503 with
            // nothing stored; every write here is safe to send again, as a client would.
            if (r.statusCode() == 503 && expected != 503 && attempt < 30) {
                Thread.sleep(2000);
                continue;
            }
            assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
            return r.body();
        }
    }
}
