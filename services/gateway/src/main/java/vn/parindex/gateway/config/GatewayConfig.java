package vn.parindex.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where the services are and how long the gateway waits for them. Upstream URLs default to the embedded mode's
 * ports (application.properties); containers and the environment override them, e.g.
 * {@code PARINDEX_GATEWAY_UPSTREAMS_SCORING_URL=http://scoring:8083}.
 */
@ConfigMapping(prefix = "parindex.gateway")
public interface GatewayConfig {

    /** The gateway's public HTTP listener. */
    Http http();

    /**
     * Where the gateway's own endpoints (tokens, health, OpenAPI, Swagger UI) are served: Quarkus' HTTP server, on
     * a loopback port that only the edge talks to.
     */
    URI ownUrl();

    /**
     * How long the gateway's own endpoints may stay silent; longer than {@link #timeout()} because they may wait
     * on the services themselves (the aggregated health, the merged OpenAPI document).
     */
    @WithDefault("30s")
    Duration ownTimeout();

    /** Each service the gateway routes to, by name ({@code unit-registry}, {@code criteria-catalogue}, …). */
    Map<String, UpstreamConfig> upstreams();

    /**
     * How long a service may stay silent (no connection, no byte of answer) before the client gets a 503 naming
     * it. Measured as idle time on the connection, so long uploads that keep sending are never cut.
     */
    @WithDefault("10s")
    Duration timeout();

    /**
     * The largest request body the gateway passes to a service (a {@code Content-Length} over it is refused before
     * anything is forwarded, a chunked body as soon as it passes it): 413 from the gateway. Quarkus' own default
     * ({@code quarkus.http.limits.max-body-size}, 10 MB), which the registry and the catalogue keep; a service with
     * a larger limit of its own gets it in {@link UpstreamConfig#maxBodySize()}. Never above the service's limit,
     * so the service never cuts a body off half-read.
     */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Connections kept open to each service; more requests than this wait for a free one. */
    @WithDefault("128")
    int maxConnectionsPerUpstream();

    /** How long a service's {@code /q/health/ready} may take before the gateway's health calls it DOWN. */
    @WithDefault("2s")
    Duration healthTimeout();

    RateLimit rateLimit();

    OpenApi openapi();

    /** The public listener (HTTP/1.1; TLS is terminated in front of the gateway). */
    interface Http {
        @WithDefault("0.0.0.0")
        String host();

        /** 0: a free port (tests). */
        @WithDefault("8080")
        int port();

        /** Event loops of the listener; default one per processor. */
        OptionalInt ioThreads();

        /**
         * A client connection with no exchange for this long is closed (a request in flight never counts); 0: never.
         * 75 s, as nginx's keepalive: an idle connection held open is the cheapest way to exhaust a server's sockets.
         */
        @WithDefault("75s")
        Duration idleTimeout();

        /**
         * How long a client may take to send a request's head (request line and headers), from its first byte (on a
         * new connection: from its opening): slow or stalled heads get a 408 and the connection closes.
         */
        @WithDefault("30s")
        Duration headerTimeout();

        /**
         * How long a request body may pause while the gateway is reading it (no byte at all): a stalled or
         * trickling upload gets a 408 (or, once an answer has begun, the connection closes). Time the gateway itself
         * holds the body back (a slow service) does not count.
         */
        @WithDefault("60s")
        Duration bodyTimeout();

        /**
         * The slowest a request body may come, in bytes per second, averaged over each period of {@link
         * #bodyTimeout()} in which the gateway reads it: a body that trickles in (a byte now and then, never idle
         * for long) gets a 408 as a stalled one does. 0: no minimum.
         */
        @WithDefault("512")
        MemorySize bodyMinRate();

        /**
         * The longest request line (method, target, version) the gateway reads; longer ones get a 414. Quarkus'
         * default, so every line the gateway passes a service can read.
         */
        @WithDefault("4096")
        int maxInitialLineLength();

        /** The most header bytes a request may carry; more get a 431. Below Quarkus' default (20K). */
        @WithDefault("16K")
        MemorySize maxHeaderSize();

        /**
         * IP addresses of load balancers in front of the gateway: for their connections the client is the last
         * {@code X-Forwarded-For} entry (what the balancer added), not the balancer itself.
         */
        Optional<Set<String>> trustedProxies();
    }

    /**
     * How often the gateway asks each instance of each service for {@code /q/health/ready}: a failing instance is
     * ejected from the balancing, a passing one admitted again.
     */
    @WithDefault("2s")
    Duration healthCheckInterval();

    /**
     * One service: its base URL (scheme, host, port; no path) — or several, one per replica — and an optional
     * timeout of its own.
     */
    interface UpstreamConfig {
        /** The one instance's base URL (a service with one replica). */
        Optional<URI> url();

        /**
         * Every replica's base URL, comma-separated ({@code http://registry-0:8081,http://registry-1:8081}); takes
         * the place of {@link #url()}. Requests are balanced least-pending across the healthy ones.
         */
        Optional<List<URI>> instances();

        /** Overrides {@link GatewayConfig#timeout()} for this service. */
        Optional<Duration> timeout();

        /**
         * Overrides {@link GatewayConfig#maxBodySize()} for this service: its own {@code
         * quarkus.http.limits.max-body-size}, never more.
         */
        Optional<MemorySize> maxBodySize();
    }

    /** Token bucket per client (token subject, else IP address), in memory. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client may make at once after being idle. */
        @WithDefault("100")
        int burst();
    }

    /** The merged OpenAPI document served at {@code /q/openapi}. */
    interface OpenApi {
        /** How often each service's document is fetched again. */
        @WithDefault("1m")
        Duration refreshInterval();

        /** How long one fetch may take. */
        @WithDefault("5s")
        Duration fetchTimeout();

        /**
         * The one {@code servers} entry of the merged document: the gateway's public address; {@code /} means the
         * host the document was fetched from.
         */
        @WithDefault("/")
        String serverUrl();
    }
}
