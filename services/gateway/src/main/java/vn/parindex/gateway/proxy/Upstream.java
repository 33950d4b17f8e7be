package vn.parindex.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One service behind the gateway: its name (as in the route table and in 503 answers), base URL, the time it
 * may stay silent before the gateway gives up on it, and the largest request body it takes.
 */
public record Upstream(String name, URI url, Duration timeout, long maxBodyBytes) {

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
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("max-body-size of " + name + " must not be negative");
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
        return durationText(timeout);
    }

    /** "10 s", "1.5 s", "250 ms": how a duration reads in a problem's detail. */
    public static String durationText(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
    }

    /** "10 MB", "16 KB", "1500 bytes": how a size in bytes reads in a problem's detail (binary units). */
    public static String sizeText(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
