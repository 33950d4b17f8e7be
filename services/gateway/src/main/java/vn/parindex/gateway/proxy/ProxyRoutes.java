package vn.parindex.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import vn.parindex.common.api.CommonError;
import vn.parindex.gateway.config.GatewayConfig;

/**
 * Puts the gateway on the HTTP router: the filter on {@code /api/*} and {@code /auth/*}, then one vert.x HTTP proxy
 * per service for the paths of the route table. Proxied requests never pass through a body handler, so bodies
 * stream through in both directions (dossier batches of several GB go through in constant memory).
 */
@ApplicationScoped
public class ProxyRoutes {

    /** {@code /api/...} paths the gateway answers itself (JAX-RS resources), not a service. */
    static final Set<String> OWN_API_PATHS = Set.of("/api/health");

    private final GatewayFilter filter;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private final Map<String, HttpClient> clients = new HashMap<>();

    public ProxyRoutes(GatewayFilter filter, Upstreams upstreams, GatewayConfig config, Vertx vertx) {
        this.filter = filter;
        for (Upstream upstream : upstreams.all()) {
            HttpClient client = vertx.createHttpClient(clientOptions(upstream, config.maxConnectionsPerUpstream()));
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(upstream.port(), upstream.host())
                    .addInterceptor(new ForwardingInterceptor(upstream));
            clients.put(upstream.name(), client);
            proxies.put(upstream.name(), proxy);
        }
    }

    /**
     * One connection pool per service. The timeout is the connection's idle time (nothing read, nothing written):
     * a service that accepts a connection and then stays silent is given up after it, while an upload that keeps
     * sending is never cut. Connect attempts get the same limit.
     */
    static HttpClientOptions clientOptions(Upstream upstream, int maxConnections) {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, upstream.timeout().toMillis());
        return new HttpClientOptions()
                .setName("gateway-" + upstream.name())
                .setKeepAlive(true)
                .setPipelining(false)
                .setMaxPoolSize(maxConnections)
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setSsl(upstream.tls())
                .setDefaultHost(upstream.host())
                .setDefaultPort(upstream.port());
    }

    void install(@Observes Router router) {
        router.route("/api/*").handler(filter::api);
        router.route("/auth/*").handler(filter::own);
        router.route("/api/*").handler(this::forward);
    }

    @PreDestroy
    void stop() {
        clients.values().forEach(HttpClient::close);
    }

    private void forward(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        // Dot segments and encoded dots could reach a service path outside the API (/api/units/../../q/...).
        if (!path.equals(rc.normalizedPath())) {
            Problems.send(
                    request, CommonError.RESOURCE_NOT_FOUND, "No resource at " + path + " (not a normalised path)");
            return;
        }
        Optional<String> service = RouteTable.serviceFor(path);
        if (service.isPresent()) {
            proxies.get(service.get()).handle(request);
        } else if (OWN_API_PATHS.contains(path)) {
            request.resume();
            rc.next();
        } else {
            Problems.send(request, CommonError.RESOURCE_NOT_FOUND, "No resource at " + path);
        }
    }
}
