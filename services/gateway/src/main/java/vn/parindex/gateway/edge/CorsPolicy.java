package vn.parindex.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Cross-origin rules for the API: which portal origins may call it from a browser, with which methods and headers,
 * and which answer headers their scripts may read. Read from the same {@code quarkus.http.cors.*} settings that
 * Quarkus applies to the gateway's own endpoints, so one setting (e.g. {@code QUARKUS_HTTP_CORS_ORIGINS}) governs
 * both.
 *
 * <p>Origins are exact ({@code https://portal.example.vn}), {@code *} (any), or a regular expression between
 * slashes ({@code /https://.*\.example\.vn/}). Credentials (the bearer token) are allowed, so an allowed origin is
 * echoed rather than answered with {@code *}.
 */
public final class CorsPolicy {

    private final boolean enabled;
    private final List<String> exact;
    private final List<Pattern> patterns;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final String exposedHeaders;
    private final String maxAgeSeconds;

    public CorsPolicy(
            boolean enabled,
            List<String> origins,
            String methods,
            String headers,
            String exposedHeaders,
            Optional<Duration> maxAge) {
        this.enabled = enabled;
        this.anyOrigin = origins.contains("*");
        this.exact = origins.stream()
                .filter(o -> !(o.length() > 1 && o.startsWith("/") && o.endsWith("/")))
                .toList();
        this.patterns = origins.stream()
                .filter(o -> o.length() > 1 && o.startsWith("/") && o.endsWith("/"))
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1)))
                .toList();
        this.methods = methods;
        this.headers = headers;
        this.exposedHeaders = exposedHeaders;
        this.maxAgeSeconds = maxAge.map(d -> Long.toString(d.toSeconds())).orElse(null);
    }

    /** The policy of {@code quarkus.http.cors.*} in {@code config}. */
    public static CorsPolicy from(Config config) {
        return new CorsPolicy(
                config.getOptionalValue("quarkus.http.cors.enabled", Boolean.class)
                        .orElse(false),
                config.getOptionalValues("quarkus.http.cors.origins", String.class)
                        .orElse(List.of()),
                joined(config, "quarkus.http.cors.methods"),
                joined(config, "quarkus.http.cors.headers"),
                joined(config, "quarkus.http.cors.exposed-headers"),
                config.getOptionalValue("quarkus.http.cors.access-control-max-age", Duration.class));
    }

    private static String joined(Config config, String name) {
        return config.getOptionalValues(name, String.class)
                .map(values -> String.join(",", values))
                .orElse(null);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a browser page from {@code origin} may call the API. */
    public boolean allows(String origin) {
        if (!enabled || origin == null) {
            return false;
        }
        if (anyOrigin || exact.contains(origin)) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(origin).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Methods a preflight may be granted; null: the one asked for. */
    public String methods() {
        return methods;
    }

    /** Request headers a preflight may be granted; null: the ones asked for. */
    public String headers() {
        return headers;
    }

    /** Answer headers the page's scripts may read; null: none beyond the safelisted ones. */
    public String exposedHeaders() {
        return exposedHeaders;
    }

    /** How long a browser may cache a preflight's answer, in seconds; null: its own default. */
    public String maxAgeSeconds() {
        return maxAgeSeconds;
    }
}
