package vn.parindex.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import vn.parindex.gateway.proxy.RouteTable;

/**
 * Stand-ins for the four services (JDK HTTP servers on free ports), so the gateway's tests need no database. Each
 * echoes what it received as JSON ({@code service, method, uri, headers, bodyBytes}), answers
 * {@code /q/health/ready} and serves a small OpenAPI document with paths of its own (a {@code PageResponse} that
 * differs in scoring, an identical {@code LocalDate} everywhere). A path ending in {@code /bare-<status>} is answered
 * with that status and no body, as a Quarkus service's HTTP layer refuses a request. {@link #requests} counts the
 * API requests each stub has seen. Switches per service:
 * {@link #silence} (accepts connections, never answers), {@link #refuse} (stops listening), {@link #restore}.
 *
 * <p>With the argument {@code documents=real} the stubs serve the real services' documents from
 * {@code services/<name>/target/openapi/openapi.json} instead (the lint test).
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, Stub> STUBS = new ConcurrentHashMap<>();
    private static volatile int gatewayPort;
    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean realDocuments;

    @Override
    public void init(Map<String, String> initArgs) {
        realDocuments = "real".equals(initArgs.get("documents"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : RouteTable.SERVICES) {
            Stub stub = new Stub(service, realDocuments ? RealDocuments.read(service) : syntheticDocument(service));
            stub.listen(0);
            STUBS.put(service, stub);
            config.put("parindex.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + stub.port);
        }
        // The edge (the gateway's public port) and Quarkus behind it (its own endpoints) on free ports, both known
        // before start: the edge forwards to Quarkus' port.
        gatewayPort = freePort();
        config.put("parindex.gateway.http.port", Integer.toString(gatewayPort));
        config.put("quarkus.http.test-port", Integer.toString(freePort()));
        return config;
    }

    @Override
    public void stop() {
        STUBS.values().forEach(Stub::close);
        STUBS.clear();
    }

    /** The gateway's public port (the edge), where tests send their requests. */
    public static int gatewayPort() {
        return gatewayPort;
    }

    /** Sends RestAssured's requests to the edge rather than to Quarkus' own port. */
    public static void sendToGateway() {
        io.restassured.RestAssured.baseURI = "http://localhost";
        io.restassured.RestAssured.port = gatewayPort;
    }

    /** {@code http://localhost:<gateway port>/}. */
    public static java.net.URI gatewayUri() {
        return java.net.URI.create("http://localhost:" + gatewayPort + "/");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service accepts connections but never answers (a hung service). */
    public static void silence(String service) {
        STUBS.get(service).silent = true;
    }

    /** The service stops listening (a service that is down). */
    public static void refuse(String service) {
        STUBS.get(service).shutdown();
    }

    /** Back to normal. */
    public static void restore(String service) {
        Stub stub = STUBS.get(service);
        stub.silent = false;
        stub.release();
        if (stub.server == null) {
            stub.listen(stub.port);
        }
    }

    public static void restoreAll() {
        RouteTable.SERVICES.forEach(StubUpstreams::restore);
    }

    /** How many requests outside {@code /q/} the service has received (whole heads; their bodies may break off). */
    public static int requests(String service) {
        return STUBS.get(service).requests.get();
    }

    public static String url(String service) {
        return "http://127.0.0.1:" + STUBS.get(service).port;
    }

    /** A small document: two routed paths of the service, one path the gateway does not route, shared schemas. */
    static String syntheticDocument(String service) {
        String segment = switch (service) {
            case RouteTable.UNIT_REGISTRY -> "units";
            case RouteTable.CRITERIA_CATALOGUE -> "criteria-sets";
            case RouteTable.SCORING -> "campaigns";
            default -> "procedures";
        };
        String pageResponse = service.equals(RouteTable.SCORING)
                ? "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\"},\"count\":{\"type\":\"integer\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\"},\"total\":{\"type\":\"integer\"}}}";
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s","version":"0.1.0"},
                 "servers":[{"url":"http://localhost:9999"}],
                 "tags":[{"name":"%1$s-tag","description":"Operations of %1$s"}],
                 "paths":{
                  "/api/%2$s":{"get":{"tags":["%1$s-tag"],"summary":"List of %1$s","responses":{"200":{"description":"OK",
                     "content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageResponse"}}}}}}},
                  "/api/%2$s/{code}":{"get":{"tags":["%1$s-tag"],"summary":"One of %1$s","parameters":[{"name":"code","in":"path","required":true,"schema":{"type":"string"}}],
                     "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}},
                  "/internal/%1$s":{"get":{"responses":{"200":{"description":"not routed by the gateway"}}}}},
                 "components":{"schemas":{
                  "LocalDate":{"type":"string","format":"date","examples":["2025-07-01"]},
                  "Item":{"type":"object","properties":{"validFrom":{"$ref":"#/components/schemas/LocalDate"}}},
                  "PageResponse":%3$s}}}
                """.formatted(service, segment, pageResponse);
    }

    /** The documents the real services write when they are packaged. */
    static final class RealDocuments {
        static final Path SERVICES = locateServices();

        static String read(String service) {
            Path file = SERVICES.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath()
                        + ": the lint test merges the real services' OpenAPI documents, which `./mvnw package` writes."
                        + " Build the services first (./mvnw -B package -DskipTests -pl services/" + service
                        + " -am) or run the whole reactor.");
            }
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path locateServices() {
            Path dir = Path.of("").toAbsolutePath();
            // Surefire runs in services/gateway; an IDE may run from the repository root.
            if (dir.getFileName().toString().equals("gateway")) {
                return dir.getParent();
            }
            return dir.resolve("services");
        }
    }

    private static final class Stub {
        private final String service;
        private final byte[] openapi;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private volatile boolean silent;
        private volatile CountDownLatch silence = new CountDownLatch(1);
        private volatile HttpServer server;
        private volatile int port;
        private final java.util.concurrent.atomic.AtomicInteger requests =
                new java.util.concurrent.atomic.AtomicInteger();

        Stub(String service, String openapi) {
            this.service = service;
            this.openapi = openapi.getBytes(StandardCharsets.UTF_8);
        }

        void listen(int wantedPort) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 64);
                created.setExecutor(executor);
                created.createContext("/", this::handle);
                created.start();
                server = created;
                port = created.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void shutdown() {
            HttpServer running = server;
            server = null;
            if (running != null) {
                running.stop(0);
            }
        }

        void release() {
            CountDownLatch old = silence;
            silence = new CountDownLatch(1);
            old.countDown();
        }

        void close() {
            release();
            shutdown();
            executor.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (silent) {
                    try {
                        silence.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/q/openapi")) {
                    send(exchange, 200, "application/json", openapi);
                } else if (path.equals("/q/health/ready")) {
                    send(exchange, 200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
                } else if (path.matches(".*/bare-[0-9]{3}")) {
                    requests.incrementAndGet();
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(Integer.parseInt(path.substring(path.length() - 3)), -1);
                } else {
                    requests.incrementAndGet();
                    echo(exchange);
                }
            }
        }

        private void echo(HttpExchange exchange) throws IOException {
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("service", service);
            body.put("method", exchange.getRequestMethod());
            body.put("uri", exchange.getRequestURI().toString());
            body.put("bodyBytes", bytes);
            ObjectNode headers = body.putObject("headers");
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            // As a Quarkus service does: links built from the Host it was asked on.
            String host = exchange.getRequestHeaders().getFirst("Host");
            exchange.getResponseHeaders()
                    .add("Location", "http://" + host + exchange.getRequestURI().getPath());
            // Headers the gateway owns: the gateway must not pass a service's copies on.
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("X-Request-Id", "set-by-" + service);
            int status = exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200;
            send(
                    exchange,
                    status,
                    status == 200 ? "application/json" : "application/problem+json",
                    JSON.writeValueAsBytes(body));
        }

        private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
