package vn.parindex.common.api.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How every service treats the services it calls ({@code parindex.remote.*}): one timeout, one retry of a read, one
 * circuit breaker per dependency with the same thresholds everywhere. The REST client's own connect and read
 * timeouts ({@code quarkus.rest-client.<service>.*}) stay per dependency; {@link #timeout()} bounds a whole call.
 */
@ConfigMapping(prefix = "parindex.remote")
public interface RemoteSettings {

    /** Longest a single call may take before it counts as a failure of the dependency. */
    @WithDefault("10s")
    Duration timeout();

    /** Retries of a read that failed on the dependency's side (5xx, no connection, timeout); never of a 4xx. */
    @WithDefault("1")
    int readRetries();

    /** Pause before that retry. */
    @WithDefault("200ms")
    Duration retryDelay();

    /** The circuit breaker, one per dependency. */
    Breaker breaker();

    /** Opens when {@link #failureRatio()} of the last {@link #requestVolume()} calls failed on the dependency's side. */
    interface Breaker {

        /** Calls in the rolling window. */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets one through to try. */
        @WithDefault("5s")
        Duration delay();
    }
}
