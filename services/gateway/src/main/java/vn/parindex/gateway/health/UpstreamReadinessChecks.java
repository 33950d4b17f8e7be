package vn.parindex.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.Upstreams;

/**
 * One readiness check per service in {@code /q/health}, so the gateway's health answer lists each service UP or
 * DOWN. Consequence: the gateway is "not ready" while any service is down — an orchestrator that should keep the
 * gateway in rotation regardless probes {@code /q/health/live} instead.
 */
@ApplicationScoped
public class UpstreamReadinessChecks {

    private final UpstreamProbe probe;
    private final Upstreams upstreams;

    public UpstreamReadinessChecks(UpstreamProbe probe, Upstreams upstreams) {
        this.probe = probe;
        this.upstreams = upstreams;
    }

    void register(@Observes StartupEvent event, @Readiness HealthRegistry readiness) {
        for (Upstream upstream : upstreams.all()) {
            readiness.register(upstream.name(), (AsyncHealthCheck) () -> check(upstream));
        }
    }

    private Uni<HealthCheckResponse> check(Upstream upstream) {
        return Uni.createFrom()
                .completionStage(() -> probe.probe(upstream).toCompletionStage())
                .map(health -> HealthCheckResponse.named(upstream.name())
                        .status(health.status() == ServiceHealth.Status.UP)
                        .withData("url", health.url())
                        .withData("latencyMs", health.latencyMs())
                        .build());
    }
}
