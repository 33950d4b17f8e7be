package vn.parindex.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One service behind the gateway: its name (as in the route table and in 503 answers), base URL and the time it
 * may stay silent before the gateway gives up on it.
 */
public record Upstream(String name, URI url, Duration timeout) {

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(
                    "URL of " + name + " must start with http:// or https://, not '" + url + "'");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("URL of " + name + " has no host: '" + url + "'");
        }
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("URL of " + name
                    + " must be scheme://host:port without a path (paths are forwarded unchanged), not '" + url + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + name + " must be positive");
        }
    }

    public boolean tls() {
        return "https".equals(url.getScheme());
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** The base URL as configured, without a trailing slash: {@code http://localhost:8083}. */
    public String baseUrl() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** "10 s", "1.5 s", "250 ms": how the timeout reads in a 503's detail. */
    public String timeoutText() {
        long ms = timeout.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
    }
}
