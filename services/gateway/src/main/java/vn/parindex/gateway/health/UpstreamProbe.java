package vn.parindex.gateway.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;
import vn.parindex.gateway.proxy.Upstreams;

/**
 * Asks each service's {@code /q/health/ready} with a short timeout, without blocking a thread, for both the
 * gateway's readiness checks and {@code GET /api/health}. A service that does not answer in time is DOWN.
 */
@ApplicationScoped
public class UpstreamProbe {

    private final Upstreams upstreams;
    private final HttpClient client;
    private final int timeoutMs;

    public UpstreamProbe(Upstreams upstreams, GatewayConfig config, Vertx vertx) {
        this.upstreams = upstreams;
        this.timeoutMs = (int) config.healthTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("gateway-health")
                .setKeepAlive(true)
                .setMaxPoolSize(4)
                .setIdleTimeout(30)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    /**
     * A service's readiness: UP when any of its instances is ready (the gateway balances across those), with the
     * address of the first ready one (or of the first one when none is).
     */
    public Future<ServiceHealth> probe(Upstream upstream) {
        long started = System.nanoTime();
        List<Future<Boolean>> checks =
                upstream.instances().stream().map(this::ready).toList();
        return Future.join(checks).transform(ignored -> {
            String url = upstream.baseUrl();
            boolean up = false;
            for (int i = 0; i < checks.size(); i++) {
                if (Boolean.TRUE.equals(checks.get(i).result())) {
                    url = upstream.instances().get(i).baseUrl();
                    up = true;
                    break;
                }
            }
            return Future.succeededFuture(new ServiceHealth(
                    upstream.name(),
                    url,
                    up ? ServiceHealth.Status.UP : ServiceHealth.Status.DOWN,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        });
    }

    /** Whether one instance's {@code /q/health/ready} answers 200 within the health timeout; never fails. */
    public Future<Boolean> ready(UpstreamInstance instance) {
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(instance.baseUrl() + "/q/health/ready")
                        .setSsl(instance.tls())
                        .setConnectTimeout(timeoutMs)
                        .setIdleTimeout(timeoutMs))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false);
    }

    /** Every service, checked at the same time; never fails. */
    public Future<GatewayHealth> probeAll() {
        List<Future<ServiceHealth>> checks =
                upstreams.all().stream().map(this::probe).toList();
        return Future.join(checks)
                .transform(ignored -> Future.succeededFuture(
                        GatewayHealth.of(checks.stream().map(Future::result).toList())));
    }
}
