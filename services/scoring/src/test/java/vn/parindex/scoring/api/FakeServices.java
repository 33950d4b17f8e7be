package vn.parindex.scoring.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.demo.DemoCatalogues;

/**
 * Stand-ins for the HTTP APIs scoring calls (the service edges only; scoring's own data lives in real
 * PostgreSQL): the registry's peer groups and change list, the catalogue's sets (the real district demo set, a
 * draft copy, and a small two-field set), and dossier metrics. {@code registryDown} / {@code dossiersDown} make
 * those services answer 500, as a service in trouble would.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static volatile boolean registryDown;
    public static volatile boolean dossiersDown;

    static final String DISTRICT_SET = "PAR_DIST_YB_2021";

    /** Two fields of 50: T1.1 (30) and T1.2 (20, may be not applicable), T2.1 (50); manual points on 0.25. */
    static final String SMALL_SET = "{\"code\":\"SMALL\",\"name\":\"Small\",\"year\":2025,\"targetLevel\":\"PROVINCE\","
            + "\"totalPoints\":100,\"status\":\"PUBLISHED\",\"bands\":[{\"code\":\"A\",\"label\":\"A\",\"minPercent\":90}],"
            + "\"nodes\":[" + field("F1", 50, leaf("T1.1", 30) + "," + leaf("T1.2", 20)) + ","
            + field("F2", 50, leaf("T2.1", 50)) + "]}";

    private static final Map<String, String> GROUPS = new HashMap<>();

    static {
        GROUPS.put(
                "YB-DISTRICTS",
                group(
                        "YB-DISTRICTS",
                        2021,
                        List.of(
                                member("132", "Thành phố Yên Bái", "thành phố thuộc tỉnh"),
                                member("133", "Thị xã Nghĩa Lộ", "thị xã"),
                                member("135", "Huyện Lục Yên", "huyện"),
                                member("136", "Huyện Văn Yên", "huyện"),
                                member("137", "Huyện Mù Căng Chải", "huyện"),
                                member("138", "Huyện Trấn Yên", "huyện"),
                                member("139", "Huyện Trạm Tấu", "huyện"),
                                member("140", "Huyện Văn Chấn", "huyện"),
                                member("141", "Huyện Yên Bình", "huyện"))));
        GROUPS.put(
                "PROVINCES-2024",
                group(
                        "PROVINCES-2024",
                        2024,
                        List.of(
                                member("10", "Tỉnh Lào Cai", "tỉnh"),
                                member("15", "Tỉnh Yên Bái", "tỉnh"),
                                member("08", "Tỉnh Tuyên Quang", "tỉnh"))));
        GROUPS.put(
                "PROVINCES-2025",
                group(
                        "PROVINCES-2025",
                        2025,
                        List.of(member("15", "Tỉnh Lào Cai", "tỉnh"), member("08", "Tỉnh Tuyên Quang", "tỉnh"))));
    }

    /** 2025-07-01: old 10 and old 15 → new 15; 08 → 08 is not a change. */
    private static final String CHANGES = "{\"items\":["
            + "{\"effectiveDate\":\"2025-07-01\",\"kind\":\"MERGE\",\"oldCode\":\"10\",\"newCode\":\"15\",\"derived\":false},"
            + "{\"effectiveDate\":\"2025-07-01\",\"kind\":\"MERGE\",\"oldCode\":\"15\",\"newCode\":\"15\",\"derived\":false}"
            + "],\"page\":0,\"size\":1000,\"total\":2}";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        Map<String, String> sets = new HashMap<>();
        try {
            ObjectMapper json = new ObjectMapper();
            CriteriaSet district = DemoCatalogues.load().stream()
                    .filter(s -> s.code().equals(DISTRICT_SET))
                    .findFirst()
                    .orElseThrow();
            sets.put(DISTRICT_SET, json.writeValueAsString(district.withStatus(SetStatus.PUBLISHED)));
            CriteriaSet draft = district.asDraft("DRAFT_SET", 2021);
            sets.put("DRAFT_SET", json.writeValueAsString(draft));
            sets.put("SMALL", SMALL_SET);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/criteria-sets/", ex -> {
            String code = ex.getRequestURI().getPath().substring("/api/criteria-sets/".length());
            answer(ex, sets.containsKey(code) ? 200 : 404, sets.getOrDefault(code, "{}"));
        });
        server.createContext("/api/unit-groups/", ex -> {
            String code = ex.getRequestURI().getPath().substring("/api/unit-groups/".length());
            if (registryDown) {
                answer(ex, 500, "{}");
            } else {
                answer(ex, GROUPS.containsKey(code) ? 200 : 404, GROUPS.getOrDefault(code, "{}"));
            }
        });
        server.createContext("/api/unit-changes", ex -> answer(ex, registryDown ? 500 : 200, CHANGES));
        server.createContext("/api/dossier-stats/metrics", ex -> {
            if (dossiersDown) {
                answer(ex, 500, "{}");
                return;
            }
            String query = ex.getRequestURI().getQuery();
            // Thành phố Yên Bái handles every dossier on time; the others 96 % (half points on the on-time band).
            boolean city = query.contains("unitCode=132");
            String onTime = city ? "100" : "96";
            answer(
                    ex,
                    200,
                    "{\"unitCode\":\"x\",\"year\":2021,\"metrics\":["
                            + "{\"name\":\"ON_TIME_RATE_RESOLVED\",\"value\":" + onTime + ",\"numerator\":" + onTime
                            + ",\"denominator\":100,\"formula\":\"(early + onTime) / resolved\"},"
                            + "{\"name\":\"LEVEL34_SHARE\",\"value\":100,\"numerator\":50,\"denominator\":50,\"formula\":\"x\"}]}");
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.unit-registry.url", url,
                "quarkus.rest-client.criteria-catalogue.url", url,
                "quarkus.rest-client.dossier-stats.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("ETag", "\"fake-r1\"");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String member(String code, String name, String type) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    private static String group(String code, int year, List<String> members) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"year\":" + year + ",\"memberCount\":"
                + members.size() + ",\"members\":[" + String.join(",", members) + "]}";
    }

    private static String field(String code, int max, String children) {
        return "{\"code\":\"" + code + "\",\"nameVi\":\"" + code + "\",\"kind\":\"FIELD\",\"maxPoints\":" + max
                + ",\"children\":[" + children + "]}";
    }

    private static String leaf(String code, int max) {
        return "{\"code\":\"" + code + "\",\"nameVi\":\"" + code + "\",\"kind\":\"CRITERION\",\"maxPoints\":" + max
                + ",\"scoreSource\":\"APPRAISED\",\"rule\":{\"type\":\"MANUAL\",\"step\":0.25}}";
    }
}
