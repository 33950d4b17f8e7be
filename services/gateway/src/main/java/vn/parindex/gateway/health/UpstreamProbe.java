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

    public Future<ServiceHealth> probe(Upstream upstream) {
        long started = System.nanoTime();
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(upstream.baseUrl() + "/q/health/ready")
                        .setSsl(upstream.tls())
                        .setConnectTimeout(timeoutMs)
                        .setIdleTimeout(timeoutMs))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false)
                .map(up -> new ServiceHealth(
                        upstream.name(),
                        upstream.baseUrl(),
                        up ? ServiceHealth.Status.UP : ServiceHealth.Status.DOWN,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
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
