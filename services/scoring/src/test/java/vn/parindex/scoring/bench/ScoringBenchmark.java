package vn.parindex.scoring.bench;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Driver of the scoring benchmark ({@code ./parindex bench scoring}), against running services:
 *
 * <pre>
 *   setup   CATALOGUE REGISTRY SCORING communes.txt CAMPAIGN   a 100-criteria set, a group of every commune,
 *                                                              a campaign, 100 self scores per unit
 *   results SCORING CAMPAIGN ROUNDS                            change one score, then time GET …/results
 * </pre>
 *
 * Points are pseudo-random but fixed (seeded by unit and criterion), so every run scores the same.
 */
public final class ScoringBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIELDS = 10;
    private static final int PER_FIELD = 10;

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], args[2], args[3], Path.of(args[4]), args[5]);
            case "results" -> results(args[1], args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("setup | results");
        }
    }

    private static void setup(String catalogue, String registry, String scoring, Path communesFile, String campaign)
            throws Exception {
        String set = "BENCH_100";
        send("POST", catalogue + "/api/criteria-sets", criteriaSet(set), 201);
        send("POST", catalogue + "/api/criteria-sets/" + set + "/publish", null, 200);
        List<String> communes = Files.readAllLines(communesFile).stream()
                .filter(l -> !l.isBlank())
                .toList();
        send(
                "POST",
                registry + "/api/unit-groups",
                Map.of(
                        "code",
                        "BENCH-COMMUNES",
                        "name",
                        "Every commune (benchmark)",
                        "year",
                        2025,
                        "memberCodes",
                        communes),
                201);
        send(
                "POST",
                scoring + "/api/campaigns",
                Map.of(
                        "code",
                        campaign,
                        "year",
                        2025,
                        "criteriaSetCode",
                        set,
                        "unitGroupCode",
                        "BENCH-COMMUNES",
                        "selfAssessmentDeadline",
                        "2099-12-31T17:00:00+07:00",
                        "appraisalRequired",
                        false),
                201);
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
                "RESULT setup units=%d criteria=%d score_rows=%d load_s=%.1f%n",
                communes.size(),
                FIELDS * PER_FIELD,
                communes.size() * FIELDS * PER_FIELD,
                (System.nanoTime() - start) / 1e9);
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
        for (int r = 1; r <= rounds; r++) {
            send(
                    "PUT",
                    scoring + "/api/campaigns/" + campaign + "/assessments/" + first + "/scores",
                    scores(first, r),
                    200);
            long start = System.nanoTime();
            String body = send("GET", scoring + "/api/campaigns/" + campaign + "/results", null, 200);
            ms.add((System.nanoTime() - start) / 1e6);
            units = JSON.readTree(body).get("items").size();
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
    }

    /** 100 leaves of 1 point, on a 0.25 step: 10 fields × 10 criteria. */
    private static Map<String, Object> criteriaSet(String code) {
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
        set.put("name", "Benchmark set, 100 criteria");
        set.put("year", 2025);
        set.put("targetLevel", "COMMUNE");
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
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r.body();
    }
}
