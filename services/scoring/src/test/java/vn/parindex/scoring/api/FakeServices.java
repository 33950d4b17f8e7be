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
 * draft copy, a small two-field set, Sơn La's district demo set), dossier metrics, and dossier statistics' demo-data
 * health (no demo data). {@code registryDown} / {@code dossiersDown} make those services answer 500, as a service in
 * trouble would.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static volatile boolean registryDown;
    public static volatile boolean dossiersDown;
    public static volatile boolean catalogueDown;

    static final String DISTRICT_SET = "PAR_DIST_YB_2021";

    /** Two fields of 50: T1.1 (30) and T1.2 (20, may be not applicable), T2.1 (50); manual points on 0.25. */
    static final String SMALL_SET = "{\"code\":\"SMALL\",\"name\":\"Small\",\"year\":2024,\"targetLevel\":\"PROVINCE\","
            + "\"totalPoints\":100,\"status\":\"PUBLISHED\",\"bands\":[{\"code\":\"A\",\"label\":\"A\",\"minPercent\":90}],"
            + "\"nodes\":[" + field("F1", 50, leaf("T1.1", 30) + "," + leaf("T1.2", 20)) + ","
            + field("F2", 50, leaf("T2.1", 50)) + "]}";

    /** A field of 50 (T1.1 30, T1.2 20, appraised) and a survey part S of 50 (S.1, S.2: 25 each, step 0.01). */
    static final String SURVEY_SET = "{\"code\":\"SURVEYED\",\"name\":\"Surveyed\",\"year\":2024,"
            + "\"targetLevel\":\"PROVINCE\",\"totalPoints\":100,\"status\":\"PUBLISHED\","
            + "\"bands\":[{\"code\":\"A\",\"label\":\"A\",\"minPercent\":90}],"
            + "\"nodes\":[" + field("F1", 50, leaf("T1.1", 30) + "," + leaf("T1.2", 20)) + ","
            + "{\"code\":\"S\",\"nameVi\":\"S\",\"kind\":\"PART\",\"maxPoints\":50,\"children\":["
            + surveyLeaf("S.1", 25) + "," + surveyLeaf("S.2", 25) + "]}]}";

    private static final Map<String, String> GROUPS = new HashMap<>();

    /** The nine Yên Bái districts, as the registry's groups of 2020 and 2021 hold them. */
    private static final List<String> YB_DISTRICTS = List.of(
            member("132", "Thành phố Yên Bái", "thành phố thuộc tỉnh", "DISTRICT"),
            member("133", "Thị xã Nghĩa Lộ", "thị xã", "DISTRICT"),
            member("135", "Huyện Lục Yên", "huyện", "DISTRICT"),
            member("136", "Huyện Văn Yên", "huyện", "DISTRICT"),
            member("137", "Huyện Mù Căng Chải", "huyện", "DISTRICT"),
            member("138", "Huyện Trấn Yên", "huyện", "DISTRICT"),
            member("139", "Huyện Trạm Tấu", "huyện", "DISTRICT"),
            member("140", "Huyện Văn Chấn", "huyện", "DISTRICT"),
            member("141", "Huyện Yên Bình", "huyện", "DISTRICT"));

    /** The twelve Sơn La districts (the demo's SL-DIST-2020 and SL-DIST-2021). */
    private static final List<String> SL_DISTRICTS = List.of(
            member("116", "Thành phố Sơn La", "thành phố thuộc tỉnh", "DISTRICT"),
            member("118", "Huyện Quỳnh Nhai", "huyện", "DISTRICT"),
            member("119", "Huyện Thuận Châu", "huyện", "DISTRICT"),
            member("120", "Huyện Mường La", "huyện", "DISTRICT"),
            member("121", "Huyện Bắc Yên", "huyện", "DISTRICT"),
            member("122", "Huyện Phù Yên", "huyện", "DISTRICT"),
            member("123", "Thị xã Mộc Châu", "thị xã", "DISTRICT"),
            member("124", "Huyện Yên Châu", "huyện", "DISTRICT"),
            member("125", "Huyện Mai Sơn", "huyện", "DISTRICT"),
            member("126", "Huyện Sông Mã", "huyện", "DISTRICT"),
            member("127", "Huyện Sốp Cộp", "huyện", "DISTRICT"),
            member("128", "Huyện Vân Hồ", "huyện", "DISTRICT"));

    static {
        GROUPS.put("SL-DISTRICTS-2020", group("SL-DISTRICTS-2020", 2020, SL_DISTRICTS));
        GROUPS.put("SL-DISTRICTS-2021", group("SL-DISTRICTS-2021", 2021, SL_DISTRICTS));
        GROUPS.put("YB-DISTRICTS", group("YB-DISTRICTS", 2021, YB_DISTRICTS));
        GROUPS.put("YB-DISTRICTS-2020", group("YB-DISTRICTS-2020", 2020, YB_DISTRICTS));
        GROUPS.put("YB-DISTRICTS-2021", group("YB-DISTRICTS-2021", 2021, YB_DISTRICTS));
        GROUPS.put(
                "MIXED-2024",
                group(
                        "MIXED-2024",
                        2024,
                        List.of(
                                member("15", "Tỉnh Yên Bái", "tỉnh", "PROVINCE"),
                                member("132", "Thành phố Yên Bái", "thành phố thuộc tỉnh", "DISTRICT"),
                                member("04252", "Phường Yên Ninh", "phường", "COMMUNE"))));
        GROUPS.put(
                "PROVINCES-2024",
                group(
                        "PROVINCES-2024",
                        2024,
                        List.of(
                                member("10", "Tỉnh Lào Cai", "tỉnh", "PROVINCE"),
                                member("15", "Tỉnh Yên Bái", "tỉnh", "PROVINCE"),
                                member("08", "Tỉnh Tuyên Quang", "tỉnh", "PROVINCE"))));
        GROUPS.put(
                "PROVINCES-2025",
                group(
                        "PROVINCES-2025",
                        2025,
                        List.of(
                                member("15", "Tỉnh Lào Cai", "tỉnh", "PROVINCE"),
                                member("08", "Tỉnh Tuyên Quang", "tỉnh", "PROVINCE"))));
    }

    /** Units of 2024 and of 2025 by code (name), as the registry answers lineage and unit checks. */
    private static final Map<String, String> UNITS_2024 =
            Map.of("10", "Tỉnh Lào Cai", "15", "Tỉnh Yên Bái", "08", "Tỉnh Tuyên Quang", "132", "Thành phố Yên Bái");

    private static final Map<String, String> UNITS_2025 = Map.of("15", "Tỉnh Lào Cai", "08", "Tỉnh Tuyên Quang");

    /** How many lineage calls the registry answered (a campaign reads the lineage of its members once). */
    static final java.util.concurrent.atomic.AtomicInteger LINEAGE_CALLS =
            new java.util.concurrent.atomic.AtomicInteger();

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
            for (CriteriaSet demo : DemoCatalogues.load()) {
                if (demo.code().equals("PAR_DIST_SL_2020")) {
                    sets.put(demo.code(), json.writeValueAsString(demo.withStatus(SetStatus.PUBLISHED)));
                }
            }
            CriteriaSet draft = district.asDraft("DRAFT_SET", 2021);
            sets.put("DRAFT_SET", json.writeValueAsString(draft));
            sets.put("SMALL", SMALL_SET);
            sets.put("SURVEYED", SURVEY_SET);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/criteria-sets/", ex -> {
            String code = ex.getRequestURI().getPath().substring("/api/criteria-sets/".length());
            if (catalogueDown) {
                answer(ex, 503, "{}");
                return;
            }
            answer(ex, sets.containsKey(code) ? 200 : 404, sets.getOrDefault(code, "{}"));
        });
        server.createContext("/api/unit-groups/", ex -> {
            String code = ex.getRequestURI().getPath().substring("/api/unit-groups/".length());
            if (registryDown) {
                answer(ex, 500, "{}");
            } else if (code.equals(VERSIONED_GROUP)) {
                String versioned = versioned(ex.getRequestURI().getQuery());
                answer(ex, versioned == null ? 404 : 200, versioned == null ? "{}" : versioned);
            } else {
                answer(ex, GROUPS.containsKey(code) ? 200 : 404, GROUPS.getOrDefault(code, "{}"));
            }
        });
        server.createContext("/api/units/lineage", ex -> {
            if (registryDown) {
                answer(ex, 500, "{}");
                return;
            }
            LINEAGE_CALLS.incrementAndGet();
            answer(ex, 200, lineage(new ObjectMapper().readTree(ex.getRequestBody())));
        });
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
        // Dossier statistics holds no demo data here: the demo loader enters its data file's dossier figures.
        server.createContext(
                "/q/health/group/demo-data",
                ex -> answer(ex, 503, "{\"checks\":[{\"name\":\"demo-data\",\"data\":{\"status\":\"DISABLED\"}}]}"));
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

    /**
     * The registry's lineage of many units: 2025-07-01 old 10 and old 15 → new 15 (Lào Cai kept Yên Bái's code),
     * 08 unchanged; a unit is known on a day by the structure of that day's year.
     */
    private static String lineage(com.fasterxml.jackson.databind.JsonNode request) {
        java.time.LocalDate from = java.time.LocalDate.parse(request.get("from").asText());
        java.time.LocalDate to = java.time.LocalDate.parse(request.get("to").asText());
        java.time.LocalDate reform = java.time.LocalDate.of(2025, 7, 1);
        Map<String, String> units = to.isBefore(reform) ? UNITS_2024 : UNITS_2025;
        boolean across = from.isBefore(reform) && !to.isBefore(reform);
        List<String> items = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        request.get("codes").forEach(c -> {
            String code = c.asText();
            if (!units.containsKey(code)) {
                unknown.add("\"" + code + "\"");
                return;
            }
            String preds = across && code.equals("15")
                    ? relative("10", "Tỉnh Lào Cai") + "," + relative("15", "Tỉnh Yên Bái")
                    : "";
            items.add("{\"code\":\"" + code + "\",\"unit\":{\"code\":\"" + code + "\",\"name\":\""
                    + units.get(code) + "\",\"type\":\"tỉnh\",\"level\":\"PROVINCE\"},\"predecessors\":["
                    + preds + "],\"successors\":[]}");
        });
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"items\":[" + String.join(",", items)
                + "],\"unknown\":[" + String.join(",", unknown) + "]}";
    }

    private static String relative(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"PROVINCE\",\"event\":\"MERGE\","
                + "\"effectiveDate\":\"2025-07-01\",\"part\":\"FULL\",\"depth\":1,\"validOnFrom\":true}";
    }

    private static String member(String code, String name, String type, String level) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"level\":\"" + level
                + "\"}";
    }

    /** A group with versions, as the registry keeps them: 2024 (v1, three provinces) and 2025 (v2, two). */
    static final String VERSIONED_GROUP = "VN-PROV";

    /** The versioned group in force in {@code ?year=} (the latest without one); null before its first year. */
    private static String versioned(String query) {
        int year = query != null && query.startsWith("year=") ? Integer.parseInt(query.substring(5)) : 9999;
        if (year < 2024) {
            return null;
        }
        String body = year == 2024 ? GROUPS.get("PROVINCES-2024") : GROUPS.get("PROVINCES-2025");
        return body.replace(
                        "\"code\":\"PROVINCES-" + (year == 2024 ? 2024 : 2025) + "\"",
                        "\"code\":\"" + VERSIONED_GROUP + "\"")
                .replaceFirst("}$", ",\"version\":" + (year == 2024 ? 1 : 2) + "}");
    }

    private static String group(String code, int year, List<String> members) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"year\":" + year + ",\"asOf\":\"" + year
                + "-12-31\",\"memberCount\":" + members.size() + ",\"members\":[" + String.join(",", members)
                + "]}";
    }

    private static String field(String code, int max, String children) {
        return "{\"code\":\"" + code + "\",\"nameVi\":\"" + code + "\",\"kind\":\"FIELD\",\"maxPoints\":" + max
                + ",\"children\":[" + children + "]}";
    }

    private static String leaf(String code, int max) {
        return "{\"code\":\"" + code + "\",\"nameVi\":\"" + code + "\",\"kind\":\"CRITERION\",\"maxPoints\":" + max
                + ",\"scoreSource\":\"APPRAISED\",\"rule\":{\"type\":\"MANUAL\",\"step\":0.25}}";
    }

    private static String surveyLeaf(String code, int max) {
        return "{\"code\":\"" + code + "\",\"nameVi\":\"" + code + "\",\"kind\":\"CRITERION\",\"maxPoints\":" + max
                + ",\"scoreSource\":\"SURVEY\",\"rule\":{\"type\":\"MANUAL\",\"step\":0.01}}";
    }
}
