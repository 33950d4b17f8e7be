package vn.parindex.dossier.index;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stand-in for the unit registry's HTTP API for the service-index tests: province 20 with communes 05001, 05002,
 * 05003 and 05004 (always valid), and province 21 with commune 05101 as the distractor.
 */
public class IndexRegistry implements QuarkusTestResourceLifecycleManager {

    static final Map<String, String> PARENTS = new LinkedHashMap<>();

    static {
        PARENTS.put("20", null);
        PARENTS.put("21", null);
        PARENTS.put("05001", "20");
        PARENTS.put("05002", "20");
        PARENTS.put("05003", "20");
        PARENTS.put("05004", "20");
        PARENTS.put("05101", "21");
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/units/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String code = parts.length > 3 ? parts[3] : "";
            String what = parts.length > 4 ? parts[4] : "";
            int status = 200;
            String body;
            if (!PARENTS.containsKey(code)) {
                status = 404;
                body = "{\"code\":\"UNIT_NOT_FOUND\",\"status\":404}";
            } else if (what.equals("history")) {
                body = "[" + unit(code) + "]";
            } else if (what.equals("descendants")) {
                String items = PARENTS.entrySet().stream()
                        .filter(e -> code.equals(e.getValue()))
                        .map(e -> unit(e.getKey()))
                        .collect(Collectors.joining(","));
                long n = PARENTS.values().stream().filter(code::equals).count();
                body = "{\"items\":[" + items + "],\"page\":0,\"size\":20000,\"total\":" + n + "}";
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
        });
        server.start();
        return Map.of(
                "quarkus.rest-client.unit-registry.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String unit(String code) {
        String parent = PARENTS.get(code);
        return "{\"code\":\"" + code + "\",\"name\":\"Unit " + code + "\",\"level\":\""
                + (parent == null ? "PROVINCE" : "COMMUNE") + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"validFrom\":null,\"validTo\":null}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
