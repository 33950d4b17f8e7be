package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new user sees after {@code ./parindex run}: the launcher's inventory of every demo data set, and one
 * figure of each through the gateway — a dossier statistic of a demo unit, the Yên Bái 2021 ranking of the seed
 * article, a merged province of 2025 compared with the mean of its predecessors, and the dossier metrics of a demo
 * campaign's district, which are the data file's ratios; the decided contest of Sơn La 2021 with its preliminary and
 * final rankings, and the rank intervals of Yên Bái 2021 from its survey sample sizes.
 */
class DemoDataTest {

    private static RunningSet set;

    @BeforeAll
    static void startTheSet() throws Exception {
        set = healthySet();
    }

    @Test
    void shouldPrintTheInventoryOfEveryDemoDataSet() throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (!set.output().contains("calendar years") && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
        }
        String out = set.output();
        assertTrue(out.contains("calendar years"), "no inventory printed:\n" + set.tail());
        // Other end-to-end classes may add provinces of their own to the shared set: the seed's communes are exact.
        assertTrue(
                out.matches("(?s).*2024 structure \\(2024-12-31\\): 6\\d provinces, 696 districts, 10,035 communes.*"),
                out);
        assertTrue(out.matches("(?s).*2025 structure \\(2025-07-01\\): 3\\d provinces, 3,321 communes.*"), out);
        assertTrue(out.contains("PAR_DIST_YB_2021 PUBLISHED"), out);
        assertTrue(out.contains("YB-DIST-2021 PUBLISHED") && out.contains("VN-PROV-2025 PUBLISHED"), out);
        // 100,000 of Lào Cai's communes and 269,539 of the demo campaigns' units of 2019–2021.
        assertTrue(out.contains("369,539 demo dossiers"), out);
        assertTrue(out.contains("2019–2026"), out);
        assertTrue(!out.contains("demo data missing"), out);
    }

    @Test
    void shouldServeAFigureOfEachDemoDataSet() throws Exception {
        awaitPublished("YB-DIST-2021");
        JsonNode city = item(get("/api/rankings/YB-DIST-2021"), "132");
        assertEquals(
                0, new BigDecimal("95.44").compareTo(city.get("indexPercent").decimalValue()), city.toString());
        assertEquals("1/9", city.get("rankLabel").asText());
        assertEquals(
                0, new BigDecimal("4.03").compareTo(city.get("pointsChange").decimalValue()), city.toString());

        awaitPublished("VN-PROV-2025");
        JsonNode laoCai = item(get("/api/rankings/VN-PROV-2025"), "15");
        assertEquals(
                "MEAN_OF_PREDECESSORS", laoCai.get("comparison").get("rule").asText(), laoCai.toString());
        assertEquals(
                "[\"10\",\"15\"]", laoCai.get("comparison").get("comparedWith").toString());
        assertEquals("34", laoCai.get("rankLabel").asText().split("/")[1]);

        // Dossier statistics of the demo province (its communes' dossiers), with the counts behind the rate.
        JsonNode stats = get("/api/dossier-stats?unitCode=15&includeDescendants=true&from=2025-07-01&to=2026-12-31");
        JsonNode rate = stats.get("total").get("rates").get("onTimeRateResolved");
        assertTrue(stats.get("total").get("counts").get("received").asLong() > 0, stats.toString());
        assertTrue(rate.get("denominator").asLong() > 0, rate.toString());

        // The Decision 766 service index of the demo province's communes for August 2025, from the demo's ratings,
        // payments, digitisation and feedback (stored after the dossiers, in the background): ranked communes
        // with a satisfaction rate behind them.
        String indexPath = "/api/dossier-stats/service-index?province=15&month=2025-08";
        set.await(HTTP, GW + indexPath, body -> body.matches("(?s).*\"rank\":\\s*[0-9].*"), Duration.ofMinutes(5));
        JsonNode ranked = null;
        for (JsonNode unit : get(indexPath).get("units")) {
            if (unit.hasNonNull("rank") && unit.get("complete").asBoolean()) {
                ranked = unit;
                break;
            }
        }
        assertTrue(ranked != null, "no ranked commune with every indicator in " + indexPath);
        JsonNode satisfaction = find(ranked.get("indicators"), "code", "SATISFACTION_RATE");
        assertTrue(satisfaction.get("denominator").asLong() > 0, ranked.toString());

        // The dossiers of a demo campaign's district: the ratios of scoring's data file (D3.3 8874/8896, D3.5
        // 7166/8896 for Thành phố Yên Bái 2021), which YB-DIST-2021 fetched for its dossier-fed criteria.
        JsonNode metrics = get("/api/dossier-stats/metrics?unitCode=132&year=2021");
        JsonNode onTime = metric(metrics, "ON_TIME_RATE_RESOLVED");
        JsonNode online = metric(metrics, "LEVEL34_SHARE");
        assertEquals(
                "8874/8896",
                onTime.get("numerator").asLong() + "/"
                        + onTime.get("denominator").asLong());
        assertEquals(
                "7166/8896",
                online.get("numerator").asLong() + "/"
                        + online.get("denominator").asLong());
    }

    @Test
    void shouldServeTheDecidedContestOfSonLa2021WithBothRankings() throws Exception {
        // The demo plays SL-DIST-2021 through the contest window: its latest version is the final one at the end.
        set.await(
                HTTP,
                GW + "/api/rankings/SL-DIST-2021",
                body -> body.contains("\"stage\":\"FINAL\""),
                Duration.ofMinutes(5));
        String admin = Clients.token("admin");
        JsonNode contests = get("/api/campaigns/SL-DIST-2021/contests", admin);
        assertEquals(1, contests.size(), contests.toString());
        JsonNode contest = contests.get(0);
        assertEquals("116", contest.get("unitCode").asText(), contest.toString());
        assertEquals("S1.5", contest.get("criterionCode").asText(), contest.toString());
        assertEquals("REJECTED", contest.get("status").asText(), contest.toString());
        assertEquals("officer-116", contest.get("filedBy").asText(), contest.toString());
        assertEquals("appraiser", contest.get("decidedBy").asText(), contest.toString());
        assertFalse(contest.get("reason").asText().isBlank(), contest.toString());
        assertFalse(contest.get("evidence").asText().isBlank(), contest.toString());
        assertFalse(contest.get("decisionReason").asText().isBlank(), contest.toString());
        // The council's cut stands: 1.2 points before, nothing corrected.
        assertEquals(
                0, new BigDecimal("1.2").compareTo(contest.get("pointsBefore").decimalValue()), contest.toString());
        assertTrue(contest.get("pointsAfter").isNull(), contest.toString());
        // Sơn La city's officer signs in and sees its unit's contest; another unit's officer sees none of it.
        JsonNode own = get("/api/campaigns/SL-DIST-2021/contests", Clients.token("officer-116"));
        assertEquals(1, own.size(), own.toString());
        assertEquals(contest.get("id").asLong(), own.get(0).get("id").asLong(), own.toString());
        assertEquals(
                0,
                get("/api/campaigns/SL-DIST-2021/contests", Clients.token("officer-132"))
                        .size());
        OffsetDateTime filed = OffsetDateTime.parse(contest.get("filedAt").asText());
        OffsetDateTime decided = OffsetDateTime.parse(contest.get("decidedAt").asText());
        assertFalse(decided.isBefore(filed), contest.toString());

        JsonNode preliminary = get("/api/rankings/SL-DIST-2021?stage=preliminary");
        JsonNode finalRanking = get("/api/rankings/SL-DIST-2021?stage=final");
        assertEquals("PRELIMINARY", preliminary.get("stage").asText());
        assertEquals(1, preliminary.get("version").asInt());
        assertFalse(preliminary.get("contestDeadline").isNull(), "the preliminary ranking names its deadline");
        assertEquals("FINAL", finalRanking.get("stage").asText());
        assertEquals(2, finalRanking.get("version").asInt());
        // A rejected contest changes no figure: Thành phố Sơn La 2/12 with the file's total in both.
        for (JsonNode ranking : java.util.List.of(preliminary, finalRanking)) {
            JsonNode city = item(ranking, "116");
            assertEquals("2/12", city.get("rankLabel").asText(), city.toString());
            assertEquals(
                    0, new BigDecimal("90.68").compareTo(city.get("totalPoints").decimalValue()), city.toString());
        }
    }

    @Test
    void shouldServeTheRankIntervalsOfYenBai2021FromItsSurveySampleSizes() throws Exception {
        awaitPublished("YB-DIST-2021");
        JsonNode report = get("/api/campaigns/YB-DIST-2021/rank-uncertainty", Clients.token("admin"));
        assertEquals(1149, report.get("seed").asLong(), "the default seed is reported");
        assertEquals(1000, report.get("runs").asInt(), "the default runs are reported");
        assertEquals(90, report.get("intervalPercent").asInt());
        assertEquals(9, report.get("rankOutOf").asInt());
        JsonNode survey = report.get("inputs").get("survey");
        // Every survey result carries the data file's illustrative sample size: no stand-in error was needed.
        assertTrue(survey.get("withSampleSize").asInt() > 0, survey.toString());
        assertEquals(0, survey.get("withRequestedError").asInt(), survey.toString());
        JsonNode units = report.get("units");
        assertEquals(9, units.size(), report.toString());
        for (JsonNode u : units) {
            int low = u.get("rankLow").asInt();
            int median = u.get("medianRank").asInt();
            int high = u.get("rankHigh").asInt();
            assertTrue(1 <= low && low <= median && median <= high && high <= 9, u.toString());
        }
        JsonNode city = units.get(0);
        assertEquals("132", city.get("unitCode").asText(), report.toString());
        assertEquals(1, city.get("publishedRank").asInt(), city.toString());

        // The same intervals on the public ranking, beside the untouched 95.44 and 1/9.
        JsonNode ranking = get("/api/rankings/YB-DIST-2021?uncertainty=true");
        JsonNode item = item(ranking, "132");
        assertEquals("1/9", item.get("rankLabel").asText());
        assertEquals(
                0, new BigDecimal("95.44").compareTo(item.get("indexPercent").decimalValue()), item.toString());
        assertEquals(
                city.get("medianRank").asInt(),
                item.get("uncertainty").get("medianRank").asInt());
        assertEquals(
                city.get("rankHigh").asInt(),
                item.get("uncertainty").get("rankHigh").asInt());
        assertEquals(
                1149,
                ranking.get("uncertainty").get("seed").asLong(),
                ranking.get("uncertainty").toString());
    }

    private static JsonNode metric(JsonNode metrics, String name) {
        return find(metrics.get("metrics"), "name", name);
    }

    /** The first element of {@code items} whose {@code field} is {@code value}. */
    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + items);
    }

    private static void awaitPublished(String campaign) throws Exception {
        set.await(HTTP, GW + "/api/rankings/" + campaign, body -> true, Duration.ofMinutes(5));
    }

    private static JsonNode get(String path) throws Exception {
        return get(path, null);
    }

    /** A GET through the gateway, signed in with {@code token} when one is given. */
    private static JsonNode get(String path, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(GW + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode item(JsonNode ranking, String unitCode) {
        return find(ranking.get("items"), "unitCode", unitCode);
    }
}
