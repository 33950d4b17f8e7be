package vn.parindex.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.runtime.Startup;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.proxy.RouteTable;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.Upstreams;

/**
 * The merged OpenAPI document, ready to serve as JSON and YAML. Each service's {@code /q/openapi?format=json} is
 * fetched at start and every refresh interval with a timeout; a service that is down keeps its last good document.
 * While a service has never answered (the launcher starts everything at once, so at the gateway's start some are
 * still booting) the fetch is retried every few seconds, so Swagger UI is complete soon after start. The gateway's own document (the {@code /auth/*} and {@code /api/health}
 * paths) comes first. Serving is a read of two byte arrays; merging happens only after a fetch round.
 */
@Startup
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    static final String TITLE = "ParIndex API";
    private static final long MISSING_RETRY_MS = 3000;
    static final String DESCRIPTION = """
            Every ParIndex service through its one entry point, the gateway: the unit registry (`/api/units`, \
            `/api/unit-groups`, `/api/unit-changes`, `/api/unit-events`), the criteria catalogue \
            (`/api/criteria-sets`, `/api/metrics`), scoring (`/api/campaigns`, `/api/rankings`, `/api/indices`) and \
            dossier statistics (`/api/procedures`, `/api/dossiers`, `/api/dossier-jobs`, `/api/dossier-stats`, \
            `/api/calendar`).

            **Authentication**: send `Authorization: Bearer <token>` (RS256 JWT from Keycloak, or in the embedded \
            mode from `POST /auth/token` with a demo user). A bad or expired token is refused by the gateway with \
            401 `INVALID_TOKEN`; without a token a request is anonymous. Each service checks the roles it needs \
            (`groups`, `units`, `campaigns` claims).

            **Errors** are RFC 9457 `application/problem+json` with a stable `code`. The gateway itself answers \
            401 `INVALID_TOKEN`, 404 `RESOURCE_NOT_FOUND` (no service has the path), 429 `RATE_LIMITED` (with \
            `Retry-After`) and 503 `SERVICE_UNAVAILABLE` (the service named in `detail` and `context.service` did \
            not answer in time) or, for a write without an `Idempotency-Key` sent to a replica that failed before \
            answering, 503 `UPSTREAM_WRITE_UNCONFIRMED` (it may or may not have been stored; the gateway never \
            sends such a write twice).

            **Request id**: every answer carries `X-Request-Id` (yours if you sent one, else a new one); it is \
            passed to the service, so quote it when reporting a problem.""";

    private final Upstreams upstreams;
    private final GatewayConfig.OpenApi config;
    private final OpenApiDocumentService ownDocuments;
    private final Vertx vertx;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private final long timer;
    private volatile boolean stopped;
    private final AtomicBoolean retrying = new AtomicBoolean();

    private volatile JsonNode own;
    private volatile byte[] jsonBytes;
    private volatile byte[] yamlBytes;

    public MergedOpenApi(Upstreams upstreams, GatewayConfig config, OpenApiDocumentService ownDocuments, Vertx vertx) {
        this.upstreams = upstreams;
        this.config = config.openapi();
        this.ownDocuments = ownDocuments;
        this.vertx = vertx;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setName("gateway-openapi").setKeepAlive(false));
        rebuild();
        refresh();
        this.timer =
                vertx.setPeriodic(Math.max(1000, this.config.refreshInterval().toMillis()), id -> refresh());
    }

    @PreDestroy
    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        client.close();
    }

    public byte[] json() {
        return jsonBytes;
    }

    public byte[] yaml() {
        return yamlBytes;
    }

    /** Services whose document is in the merged one (for tests and logs). */
    public List<String> servicesIncluded() {
        return RouteTable.SERVICES.stream().filter(lastGood::containsKey).toList();
    }

    /** Fetches every service's document at once, then merges; completes when the new document is in place. */
    public Future<Void> refresh() {
        List<Future<Void>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            fetches.add(fetch(upstream)
                    .compose(
                            document -> {
                                lastGood.put(upstream.name(), document);
                                return Future.<Void>succeededFuture();
                            },
                            failure -> {
                                LOG.debugf(
                                        "OpenAPI document of %s not fetched (%s); %s",
                                        upstream.name(),
                                        failure.getMessage(),
                                        lastGood.containsKey(upstream.name())
                                                ? "keeping the last good one"
                                                : "left out");
                                return Future.<Void>succeededFuture();
                            }));
        }
        return Future.join(fetches).transform(ignored -> {
            rebuild();
            retryMissingSoon();
            return Future.<Void>succeededFuture();
        });
    }

    /** One retry chain at a time, while some service has never answered. */
    private void retryMissingSoon() {
        if (!stopped && lastGood.size() < upstreams.all().size() && retrying.compareAndSet(false, true)) {
            vertx.setTimer(MISSING_RETRY_MS, id -> refreshMissing());
        }
    }

    /** Fetches only the documents not fetched yet (then again until all are in). */
    private void refreshMissing() {
        if (stopped) {
            return;
        }
        List<Future<Void>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            if (!lastGood.containsKey(upstream.name())) {
                fetches.add(fetch(upstream)
                        .onSuccess(document -> lastGood.put(upstream.name(), document))
                        .<Void>mapEmpty()
                        .otherwiseEmpty());
            }
        }
        Future.join(fetches).onComplete(ignored -> {
            rebuild();
            retrying.set(false);
            retryMissingSoon();
        });
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        int timeoutMs = (int) config.fetchTimeout().toMillis();
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(upstream.preferredBaseUrl() + "/q/openapi?format=json")
                        .addHeader("Accept", "application/json")
                        .setSsl(upstream.tls())
                        .setConnectTimeout(timeoutMs)
                        .setIdleTimeout(timeoutMs))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .compose(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        return document.path("paths").isObject()
                                ? Future.succeededFuture(document)
                                : Future.failedFuture("not an OpenAPI document");
                    } catch (IOException e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    private synchronized void rebuild() {
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        JsonNode gateway = ownDocument();
        if (gateway != null) {
            sources.add(new OpenApiMerger.Source("gateway", gateway, path -> true));
        }
        for (String service : RouteTable.SERVICES) {
            JsonNode document = lastGood.get(service);
            if (document != null) {
                sources.add(new OpenApiMerger.Source(service, document, path -> RouteTable.routes(path, service)));
            }
        }
        ObjectNode merged = OpenApiMerger.merge(
                new OpenApiMerger.Info(TITLE, version(gateway), DESCRIPTION, config.serverUrl()), sources);
        try {
            jsonBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged);
            yamlBytes = yaml.writeValueAsBytes(merged);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the merged OpenAPI document", e);
        }
    }

    /** The gateway's own SmallRye document (built once; it only changes with the gateway's code). */
    private JsonNode ownDocument() {
        if (own == null) {
            try {
                own = json.readTree(ownDocuments.getDocument("<default>", Format.JSON));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("The gateway's own OpenAPI document is not available: %s", e.getMessage());
                return null;
            }
        }
        return own;
    }

    private static String version(JsonNode gateway) {
        String version =
                gateway == null ? "" : gateway.path("info").path("version").asText("");
        return version.isEmpty() ? "0.1.0" : version;
    }
}
