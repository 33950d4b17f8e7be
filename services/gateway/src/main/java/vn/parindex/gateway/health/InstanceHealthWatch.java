package vn.parindex.gateway.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;
import vn.parindex.gateway.proxy.Upstreams;

/**
 * Asks every instance of every service for {@code /q/health/ready} every {@code
 * parindex.gateway.health-check-interval} (2 s): one that fails is ejected from the balancing, one that passes is
 * admitted again (also after the edge ejected it for a refused connection). Services with a single instance are
 * watched too, so the aggregated health and the logs tell the same story; ejecting the only instance changes
 * nothing, as the balancer still tries it.
 */
@ApplicationScoped
public class InstanceHealthWatch {

    private static final Logger LOG = Logger.getLogger(InstanceHealthWatch.class);

    private final Upstreams upstreams;
    private final UpstreamProbe probe;
    private final Vertx vertx;
    private final long intervalMs;
    private long timer = -1;

    public InstanceHealthWatch(Upstreams upstreams, UpstreamProbe probe, Vertx vertx, GatewayConfig config) {
        this.upstreams = upstreams;
        this.probe = probe;
        this.vertx = vertx;
        this.intervalMs = Math.max(100, config.healthCheckInterval().toMillis());
    }

    void start(@Observes StartupEvent event) {
        for (Upstream upstream : upstreams.all()) {
            for (UpstreamInstance instance : upstream.instances()) {
                Tags tags = Tags.of("service", upstream.name(), "instance", instance.baseUrl());
                Gauge.builder("parindex.gateway.instance.pending", instance, UpstreamInstance::pending)
                        .description("Requests in flight to this instance")
                        .tags(tags)
                        .register(Metrics.globalRegistry);
                Gauge.builder("parindex.gateway.instance.up", instance, i -> i.ejected() ? 0 : 1)
                        .description("1 while the instance is in the balancing, 0 while it is ejected")
                        .tags(tags)
                        .register(Metrics.globalRegistry);
            }
        }
        timer = vertx.setPeriodic(intervalMs, intervalMs, id -> checkAll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round over every instance; the answers arrive on Vert.x' event loop. */
    void checkAll() {
        for (Upstream upstream : upstreams.all()) {
            for (UpstreamInstance instance : upstream.instances()) {
                probe.ready(instance).onSuccess(ready -> apply(upstream, instance, ready));
            }
        }
    }

    private static void apply(Upstream upstream, UpstreamInstance instance, boolean ready) {
        if (ready && instance.ejected()) {
            LOG.infof("%s at %s is ready again: back in the balancing", upstream.name(), instance.baseUrl());
            instance.readmit();
        } else if (!ready && !instance.ejected()) {
            LOG.warnf("%s at %s failed its health check: ejected", upstream.name(), instance.baseUrl());
            instance.eject("health check failed");
        }
    }
}
