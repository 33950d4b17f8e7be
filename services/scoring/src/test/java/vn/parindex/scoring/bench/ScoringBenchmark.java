package vn.parindex.scoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Driver of the scoring benchmarks ({@code ./parindex bench scoring} and {@code ./parindex bench reform}), against
 * running services:
 *
 * <pre>
 *   sets     CATALOGUE                                      BENCH_100 (COMMUNE) and BENCH_100_PROVINCE (PROVINCE):
 *                                                           100 criteria each, year 2024, published
 *   group    REGISTRY CODE YEAR ASOF codes.txt              a peer group of the listed units, taken on ASOF
 *   imported SCORING CAMPAIGN YEAR SET GROUP                a campaign whose results are imported as published
 *                                                           totals (POST …/published-results, one line a member)
 *   create   SCORING PREFIX YEAR SET GROUP PREVIOUS WARMUP ROUNDS
 *                                                           time POST /api/campaigns with previousCampaignCode and
 *                                                           MEAN_OF_PREDECESSORS, a new code each time
 *   lineage  REGISTRY codes.txt FROM TO WARMUP ROUNDS       time the registry's POST /api/units/lineage on its own
 *   setup    SCORING codes.txt CAMPAIGN SET GROUP [PREVIOUS] a campaign (compared with PREVIOUS by
 *                                                           MEAN_OF_PREDECESSORS when given), 100 self scores a unit
 *   results  SCORING CAMPAIGN ROUNDS                        change one score, then time GET …/results; counts the
 *                                                           items' comparison rules
 * </pre>
 *
 * Points and published totals are pseudo-random but fixed (seeded by unit and criterion), so every run scores the
 * same.
 */
public final class ScoringBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIELDS = 10;
    private static final int PER_FIELD = 10;
    private static final String COMMUNE_SET = "BENCH_100";
    private static final String PROVINCE_SET = "BENCH_100_PROVINCE";

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sets" -> sets(args[1]);
            case "group" -> group(args[1], args[2], Integer.parseInt(args[3]), args[4], Path.of(args[5]));
            case "imported" -> imported(args[1], args[2], Integer.parseInt(args[3]), args[4], args[5]);
            case "create" ->
                create(
                        args[1],
                        args[2],
                        Integer.parseInt(args[3]),
                        args[4],
                        args[5],
                        args[6],
                        Integer.parseInt(args[7]),
                        Integer.parseInt(args[8]));
            case "lineage" ->
                lineage(
                        args[1],
                        Path.of(args[2]),
                        args[3],
                        args[4],
                        Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]));
            case "setup" ->
                setup(args[1], Path.of(args[2]), args[3], args[4], args[5], args.length > 6 ? args[6] : null);
            case "results" -> results(args[1], args[2], Integer.parseInt(args[3]));
            default ->
                throw new IllegalArgumentException("sets | group | imported | create | lineage | setup | results");
        }
    }

    /** The two 100-criteria sets, one per level, of 2024 (so both the 2024 and the 2025 campaigns may use them). */
    private static void sets(String catalogue) throws Exception {
        for (Map.Entry<String, String> set :
                Map.of(COMMUNE_SET, "COMMUNE", PROVINCE_SET, "PROVINCE").entrySet()) {
            send("POST", catalogue + "/api/criteria-sets", criteriaSet(set.getKey(), set.getValue()), 201);
            send("POST", catalogue + "/api/criteria-sets/" + set.getKey() + "/publish", null, 200);
        }
    }

    private static void group(String registry, String code, int year, String asOf, Path codesFile) throws Exception {
        List<String> codes = lines(codesFile);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Benchmark group " + code);
        body.put("year", year);
        body.put("asOf", asOf);
        body.put("memberCodes", codes);
        JsonNode g = JSON.readTree(send("POST", registry + "/api/unit-groups", body, 201));
        System.out.printf(
                "bench: group %s of %d, %d members taken on %s%n",
                code, year, g.get("memberCount").asInt(), g.get("asOf").asText());
    }

    /**
     * A campaign of a past year known only from its published table: created, then every member's total imported
     * (pseudo-random, 60.00–94.99 points of 100, fixed per unit) as published results.
     */
    private static void imported(String scoring, String campaign, int year, String set, String group) throws Exception {
        send("POST", scoring + "/api/campaigns", campaign(campaign, year, set, group, null), 201);
        JsonNode members = JSON.readTree(send("GET", scoring + "/api/campaigns/" + campaign, null, 200))
                .get("members");
        List<Object> lines = new ArrayList<>();
        for (JsonNode m : members) {
            String unit = m.get("unitCode").asText();
            int h = Math.floorMod((unit + "/published/" + year).hashCode(), 3500);
            lines.add(Map.of("unitCode", unit, "totalPoints", BigDecimal.valueOf(6000L + h, 2)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionNumber", "BENCH/" + year + "/QĐ");
        body.put("decisionDate", (year + 1) + "-05-12");
        body.put("sourceUrl", "https://example.invalid/bench/" + campaign);
        body.put("results", lines);
        long start = System.nanoTime();
        send("POST", scoring + "/api/campaigns/" + campaign + "/published-results", body, 201);
        System.out.printf(
                "bench: %s (%d) imported as published totals: %d lines in %.0f ms%n",
                campaign, year, lines.size(), (System.nanoTime() - start) / 1e6);
    }

    /**
     * Times the creation of campaigns compared with PREVIOUS by MEAN_OF_PREDECESSORS: WARMUP unmeasured ones, then
     * ROUNDS measured ones, each with a new code (the same request again would answer the stored campaign).
     */
    private static void create(
            String scoring, String prefix, int year, String set, String group, String previous, int warmup, int rounds)
            throws Exception {
        List<Double> warm = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        int members = 0;
        for (int r = 1; r <= warmup + rounds; r++) {
            String code = prefix + (r <= warmup ? "-W" + r : "-R" + (r - warmup));
            String body = JSON.writeValueAsString(campaign(code, year, set, group, previous));
            long start = System.nanoTime();
            String answer = send("POST", scoring + "/api/campaigns", body, 201);
            double took = (System.nanoTime() - start) / 1e6;
            (r <= warmup ? warm : ms).add(took);
            JsonNode c = JSON.readTree(answer);
            members = c.get("memberCount").asInt();
            if (!"MEAN_OF_PREDECESSORS".equals(c.get("comparisonRule").asText())) {
                throw new IllegalStateException(code + " was created with " + c.get("comparisonRule"));
            }
        }
        System.out.println(summary("create-" + prefix, "members=" + members, warm, ms));
    }

    /** Times the registry's lineage of many units on its own (the call campaign creation makes). */
    private static void lineage(String registry, Path codesFile, String from, String to, int warmup, int rounds)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("codes", lines(codesFile));
        body.put("from", from);
        body.put("to", to);
        body.put("includeDerived", false);
        String json = JSON.writeValueAsString(body);
        List<Double> warm = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        int items = 0;
        for (int r = 1; r <= warmup + rounds; r++) {
            long start = System.nanoTime();
            String answer = send("POST", registry + "/api/units/lineage", json, 200);
            (r <= warmup ? warm : ms).add((System.nanoTime() - start) / 1e6);
            items = JSON.readTree(answer).get("items").size();
        }
        System.out.println(summary("lineage-" + codesFile.getFileName(), "items=" + items, warm, ms));
    }

    private static void setup(
            String scoring, Path communesFile, String campaign, String set, String group, String previous)
            throws Exception {
        List<String> communes = lines(communesFile);
        send("POST", scoring + "/api/campaigns", campaign(campaign, 2025, set, group, previous), 201);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (String unit : communes) {
                done.add(pool.submit(() -> {
                    send(
                            "PUT",
                            scoring + "/api/campaigns/" + campaign + "/assessments/" + unit + "/scores",
                            scores(unit, 0),
                            200);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        System.out.printf(
                "RESULT setup units=%d criteria=%d score_rows=%d load_s=%.1f previous=%s%n",
                communes.size(),
                FIELDS * PER_FIELD,
                communes.size() * FIELDS * PER_FIELD,
                (System.nanoTime() - start) / 1e9,
                previous == null ? "-" : previous);
    }

    /** A campaign request; compared with {@code previous} by MEAN_OF_PREDECESSORS when it is given. */
    private static Map<String, Object> campaign(String code, int year, String set, String group, String previous) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("year", year);
        c.put("criteriaSetCode", set);
        c.put("unitGroupCode", group);
        if (previous != null) {
            c.put("previousCampaignCode", previous);
            c.put("comparisonRule", "MEAN_OF_PREDECESSORS");
        }
        c.put("selfAssessmentDeadline", "2099-12-31T17:00:00+07:00");
        c.put("appraisalRequired", false);
        return c;
    }

    /** Each round changes one score (a new revision), then times the full results read. */
    private static void results(String scoring, String campaign, int rounds) throws Exception {
        String first = JSON.readTree(send("GET", scoring + "/api/campaigns/" + campaign, null, 200))
                .get("members")
                .get(0)
                .get("unitCode")
                .asText();
        List<Double> ms = new ArrayList<>();
        int units = 0;
        Map<String, Integer> rules = new TreeMap<>();
        for (int r = 1; r <= rounds; r++) {
            send(
                    "PUT",
                    scoring + "/api/campaigns/" + campaign + "/assessments/" + first + "/scores",
                    scores(first, r),
                    200);
            long start = System.nanoTime();
            String body = send("GET", scoring + "/api/campaigns/" + campaign + "/results", null, 200);
            ms.add((System.nanoTime() - start) / 1e6);
            JsonNode items = JSON.readTree(body).get("items");
            units = items.size();
            rules.clear();
            for (JsonNode item : items) {
                JsonNode rule = item.path("comparison").path("rule");
                rules.merge(rule.isMissingNode() || rule.isNull() ? "(none given)" : rule.asText(), 1, Integer::sum);
            }
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                "RESULT results units=%d rounds=%d median_ms=%.0f min_ms=%.0f max_ms=%.0f all=%s%n",
                units,
                rounds,
                sorted.get(sorted.size() / 2),
                sorted.getFirst(),
                sorted.getLast(),
                ms.stream().map(m -> String.valueOf(Math.round(m))).toList());
        System.out.println("RESULT comparison " + rules);
    }

    /** "RESULT name … median_ms min_ms max_ms all warmup" of measured and warm-up rounds. */
    private static String summary(String name, String what, List<Double> warmup, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(
                "RESULT %s %s rounds=%d median_ms=%.0f min_ms=%.0f max_ms=%.0f all=%s warmup=%s",
                name,
                what,
                ms.size(),
                sorted.get(sorted.size() / 2),
                sorted.getFirst(),
                sorted.getLast(),
                ms.stream().map(m -> String.valueOf(Math.round(m))).toList(),
                warmup.stream().map(m -> String.valueOf(Math.round(m))).toList());
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    /** 100 leaves of 1 point, on a 0.25 step: 10 fields × 10 criteria, for units of {@code level}, of 2024. */
    private static Map<String, Object> criteriaSet(String code, String level) {
        List<Object> fields = new ArrayList<>();
        for (int f = 1; f <= FIELDS; f++) {
            List<Object> leaves = new ArrayList<>();
            for (int c = 1; c <= PER_FIELD; c++) {
                leaves.add(Map.of(
                        "code",
                        "B" + f + "." + c,
                        "nameVi",
                        "Tiêu chí " + f + "." + c,
                        "kind",
                        "CRITERION",
                        "maxPoints",
                        1,
                        "scoreSource",
                        "APPRAISED",
                        "rule",
                        Map.of("type", "MANUAL", "step", 0.25)));
            }
            fields.add(Map.of(
                    "code",
                    "B" + f,
                    "nameVi",
                    "Lĩnh vực " + f,
                    "kind",
                    "FIELD",
                    "maxPoints",
                    PER_FIELD,
                    "children",
                    leaves));
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("code", code);
        set.put("name", "Benchmark set, 100 criteria, " + level);
        // 2024: a set may serve campaigns of its year and later ones (the 2024 import and the 2025 campaigns).
        set.put("year", 2024);
        set.put("targetLevel", level);
        set.put("totalPoints", FIELDS * PER_FIELD);
        set.put("bands", List.of(Map.of("code", "A", "label", "A", "minPercent", 90)));
        set.put("nodes", fields);
        return set;
    }

    private static Map<String, Object> scores(String unit, int salt) {
        List<Object> scores = new ArrayList<>();
        for (int f = 1; f <= FIELDS; f++) {
            for (int c = 1; c <= PER_FIELD; c++) {
                int h = Math.floorMod((unit + "/" + f + "." + c + "/" + salt).hashCode(), 5);
                scores.add(Map.of("criterionCode", "B" + f + "." + c, "points", BigDecimal.valueOf(h * 25L, 2)));
            }
        }
        return Map.of("scores", scores);
    }

    private static String send(String method, String url, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        String token = System.getenv("PARINDEX_TOKEN");
        if (token != null && !token.isBlank()) {
            // An administrator's token from the gateway's local issuer (run.sh fetches it).
            b.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r.body();
    }
}
