package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.JSON;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A versioned peer group through the gateway: a group of Yên Bái's communes of 2024, a 2025 version of every
 * commune of the country (3,321) with its reason, the version in force per year, the diff between the years, and
 * a 2025 campaign that names the version it took its members from.
 */
class GroupVersionJourneyTest {

    private static final String GROUP = "E2E-GV-COMMUNES";
    private static final String REASON =
            "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã" + " năm 2025";

    @BeforeAll
    static void startTheSet() throws Exception {
        RunningSet set = healthySet();
        set.await(HTTP, GW + "/api/criteria-sets/PAR_COMMUNE_2025", body -> true, Duration.ofMinutes(2));
        set.await(HTTP, GW + "/api/units/15?asOf=2025-12-31", body -> true, Duration.ofMinutes(2));
    }

    @Test
    void shouldVersionAGroupOfEveryCommuneAndSnapshotTheVersionInACampaign() throws Exception {
        String admin = token("admin");
        JsonNode created = call(
                "POST",
                "/api/unit-groups",
                admin,
                Map.of(
                        "code",
                        GROUP,
                        "name",
                        "Xã, phường (e2e)",
                        "year",
                        2024,
                        "rule",
                        Map.of("parentCode", "15", "level", "COMMUNE")),
                201);
        assertEquals(1, created.get("version").asInt());
        int communes2024 = created.get("memberCount").asInt();
        assertTrue(communes2024 > 100, "Yên Bái had more than 100 communes in 2024: " + communes2024);

        List<String> communes = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode p =
                    call("GET", "/api/units?level=COMMUNE&asOf=2025-12-31&size=1000&page=" + page, admin, null, 200);
            p.get("items").forEach(u -> communes.add(u.get("code").asText()));
            if (p.get("items").size() < 1000) {
                break;
            }
        }
        assertEquals(3321, communes.size());

        long started = System.nanoTime();
        JsonNode v2 = call(
                "PUT",
                "/api/unit-groups/" + GROUP + "/versions/2025",
                admin,
                Map.of("memberCodes", communes, "reason", REASON),
                201);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("E2E PUT of a 3,321-commune group version through the gateway: " + millis + " ms");
        assertEquals(2, v2.get("version").asInt());
        assertEquals(3321, v2.get("memberCount").asInt());
        assertEquals("admin", v2.get("versionRecordedBy").asText());

        assertEquals(
                1,
                call("GET", "/api/unit-groups/" + GROUP + "?year=2024", admin, null, 200)
                        .get("version")
                        .asInt());
        assertEquals(
                2,
                call("GET", "/api/unit-groups/" + GROUP + "?year=2026", admin, null, 200)
                        .get("version")
                        .asInt());

        JsonNode diff = call("GET", "/api/unit-groups/" + GROUP + "/diff?from=2024&to=2025", admin, null, 200);
        int added = diff.get("added").size();
        int removed = diff.get("removed").size();
        int kept = diff.get("kept").asInt();
        assertEquals(3321, added + kept);
        assertEquals(communes2024, removed + kept);
        assertTrue(removed > 0, "some Yên Bái communes of 2024 were merged away");
        assertTrue(diff.get("removed").get(0).hasNonNull("name"));
        assertEquals(REASON, diff.get("changes").get(0).get("reason").asText());

        JsonNode campaign = call(
                "POST",
                "/api/campaigns",
                admin,
                Map.of(
                        "code", "E2E-GV-2025",
                        "year", 2025,
                        "criteriaSetCode", "PAR_COMMUNE_2025",
                        "unitGroupCode", GROUP,
                        "selfAssessmentDeadline", "2099-12-31T17:00:00+07:00"),
                201);
        assertEquals(2, campaign.get("groupVersion").asInt());
        assertEquals(3321, campaign.get("memberCount").asInt());
        assertEquals(
                2,
                call("GET", "/api/campaigns/E2E-GV-2025", admin, null, 200)
                        .get("groupVersion")
                        .asInt());
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        String json = body == null ? null : JSON.writeValueAsString(body);
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(GW + path)).timeout(Duration.ofSeconds(60));
            b.header("Authorization", "Bearer " + token);
            b.method(
                    method,
                    json == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 && attempt < 20) {
                Thread.sleep(1000L
                        * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            // A dependency still settling after the start answers 503 with nothing stored: send again.
            if (r.statusCode() == 503 && attempt < 30) {
                Thread.sleep(2000);
                continue;
            }
            assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        }
    }
}
