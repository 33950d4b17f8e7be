package vn.parindex.dossier.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in for the unit registry's HTTP API (the service edge only; dossier persistence runs on real
 * PostgreSQL): province 15 with communes 04252 and 04261 from 2025-07-01, and province 08 with commune 02500 as
 * the distractor; before the 2025 reform, district 132 and department 15.VP of province 15 (until 2025-06-30).
 * Descendants are those valid on {@code asOf}. {@link #down} makes every call fail with 500, as a registry in trouble would.
 */
public class FakeRegistry implements QuarkusTestResourceLifecycleManager {

    public static volatile boolean down;

    /** Answers the listing of every version 404, as a registry without it would: codes are then asked one by one. */
    public static volatile boolean noDirectory;

    /** Requests answered, by path: what a test counts to see how often the registry is asked. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private static final Map<String, String> UNITS = Map.of(
            "15", unit("15", "Tỉnh Lào Cai", "PROVINCE", null, null),
            "08", unit("08", "Tỉnh Tuyên Quang", "PROVINCE", null, null),
            "04252", unit("04252", "Phường Yên Bái", "COMMUNE", "15", null),
            "04261", unit("04261", "Phường Văn Phú", "COMMUNE", "15", "2025-07-01"),
            "02500", unit("02500", "Xã Thử", "COMMUNE", "08", "2025-07-01"),
            "132", unit("132", "Thành phố Yên Bái", "DISTRICT", "15", null, "2025-06-30"),
            "15.VP", unit("15.VP", "Văn phòng UBND tỉnh", "AGENCY", "15", "2019-01-01", "2025-06-30"));

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/units/", handler());
        // The unit list (GET /api/units?level=PROVINCE&asOf=…), which the national statistics read.
        server.createContext("/api/units", handler());
        server.start();
        return Map.of(
                "quarkus.rest-client.unit-registry.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The registry's answers, for a server of any test resource (see also LateRegistry). */
    public static HttpHandler handler() {
        return exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String code = parts.length > 3 ? parts[3] : "";
            String what = parts.length > 4 ? parts[4] : "";
            int status;
            String body;
            CALLS.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (down) {
                status = 500;
                body = "{\"code\":\"INTERNAL_ERROR\"}";
            } else if (parts.length == 4 && code.equals("versions") && noDirectory) {
                status = 404;
                body = "{\"code\":\"UNIT_NOT_FOUND\",\"status\":404}";
            } else if (parts.length == 4 && code.equals("versions")) {
                // Every version of every unit, by code, a page at a time.
                String query = exchange.getRequestURI().getQuery();
                int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
                int size = Integer.parseInt(query.replaceAll(".*size=(\\d+).*", "$1"));
                List<String> all =
                        UNITS.keySet().stream().sorted().map(UNITS::get).toList();
                String items = all.stream().skip((long) page * size).limit(size).collect(Collectors.joining(","));
                status = 200;
                body = "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":" + all.size()
                        + "}";
            } else if (parts.length == 3) {
                // The list: units of a level valid on asOf.
                String query = exchange.getRequestURI().getQuery();
                String level = query == null ? "" : query.replaceAll(".*level=([A-Za-z]+).*", "$1");
                java.time.LocalDate asOf = query == null || !query.contains("asOf=")
                        ? java.time.LocalDate.now()
                        : java.time.LocalDate.parse(query.replaceAll(".*asOf=([0-9-]{10}).*", "$1"));
                String items = UNITS.values().stream()
                        .filter(u -> u.contains("\"level\":\"" + level.toUpperCase(java.util.Locale.ROOT) + "\""))
                        .filter(u -> validOn(u, asOf))
                        .sorted()
                        .collect(Collectors.joining(","));
                status = 200;
                body = "{\"items\":[" + items + "],\"page\":0,\"size\":1000,\"total\":"
                        + (items.isEmpty() ? 0 : items.split("\\},\\{").length) + "}";
            } else if (!code.matches("\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}")) {
                // As the registry: a path code of no unit's shape is refused, not looked up.
                status = 400;
                body = "{\"code\":\"INVALID_PARAMETER\",\"status\":400}";
            } else if (!UNITS.containsKey(code)) {
                status = 404;
                body = "{\"code\":\"UNIT_NOT_FOUND\",\"status\":404}";
            } else if (what.equals("history")) {
                status = 200;
                body = "[" + UNITS.get(code) + "]";
            } else if (what.equals("descendants")) {
                status = 200;
                String query = exchange.getRequestURI().getQuery();
                java.time.LocalDate asOf = query == null || !query.contains("asOf=")
                        ? java.time.LocalDate.now()
                        : java.time.LocalDate.parse(query.replaceAll(".*asOf=([0-9-]{10}).*", "$1"));
                String items = UNITS.values().stream()
                        .filter(u -> u.contains("\"parentCode\":\"" + code + "\""))
                        .filter(u -> validOn(u, asOf))
                        .collect(Collectors.joining(","));
                body = "{\"items\":[" + items + "],\"page\":0,\"size\":20000,\"total\":"
                        + (items.isEmpty() ? 0 : items.split("\\},\\{").length) + "}";
            } else {
                status = 404;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String unit(String code, String name, String level, String parent, String validFrom) {
        return unit(code, name, level, parent, validFrom, null);
    }

    private static String unit(
            String code, String name, String level, String parent, String validFrom, String validTo) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"validFrom\":"
                + (validFrom == null ? "null" : "\"" + validFrom + "\"")
                + ",\"validTo\":" + (validTo == null ? "null" : "\"" + validTo + "\"") + "}";
    }

    /** Whether a unit of {@link #UNITS} is valid on {@code day}. */
    private static boolean validOn(String unit, java.time.LocalDate day) {
        String from = unit.replaceAll(".*\"validFrom\":\"?([0-9-]{10}|null)\"?.*", "$1");
        String to = unit.replaceAll(".*\"validTo\":\"?([0-9-]{10}|null)\"?.*", "$1");
        return (from.equals("null") || !java.time.LocalDate.parse(from).isAfter(day))
                && (to.equals("null") || !java.time.LocalDate.parse(to).isBefore(day));
    }
}
