package vn.parindex.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What the edge counts, in Micrometer's global registry (Prometheus at {@code /q/metrics}): the edge is not
 * Quarkus' HTTP server, so Quarkus' own {@code http_server_requests} sees only the gateway's own endpoints.
 *
 * <ul>
 *   <li>{@code parindex_gateway_requests_seconds{service,status}}: every request answered at the edge, from its head
 *       to the head of its answer ({@code service} is {@code gateway} for the gateway's own endpoints and answers);
 *   <li>{@code parindex_gateway_retries_total{service,failure}}: attempts sent again to another instance;
 *   <li>{@code parindex_gateway_ejections_total{service}}: instances ejected for a refused connection.
 * </ul>
 *
 * Meters are created once per tag set and kept; recording is a map lookup and an atomic add.
 */
final class EdgeMetrics {

    private static final ConcurrentMap<String, Timer> TIMERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private EdgeMetrics() {}

    static void answered(String service, int status, long startedNanos) {
        String key = service + ' ' + status;
        Timer timer = TIMERS.computeIfAbsent(
                key,
                k -> Timer.builder("parindex.gateway.requests")
                        .description("Requests answered by the gateway's edge, to the head of the answer")
                        .tag("service", service)
                        .tag("status", Integer.toString(status))
                        .register(Metrics.globalRegistry));
        timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    static void retried(String service, String failure) {
        count("parindex.gateway.retries", service, "failure", failure);
    }

    static void ejected(String service) {
        count("parindex.gateway.ejections", service, null, null);
    }

    private static void count(String name, String service, String tag, String value) {
        String key = name + ' ' + service + ' ' + value;
        COUNTERS.computeIfAbsent(key, k -> {
                    Counter.Builder builder = Counter.builder(name).tag("service", service);
                    if (tag != null) {
                        builder.tag(tag, value);
                    }
                    return builder.register(Metrics.globalRegistry);
                })
                .increment();
    }
}
