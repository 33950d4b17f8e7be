package vn.parindex.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One service behind the gateway: its name (as in the route table and in 503 answers), its instances (one or more
 * replicas, balanced by {@link Balancer}; {@code url} is the first one's), the time it may stay silent before the
 * gateway gives up on it, and the largest request body it takes.
 */
public record Upstream(String name, URI url, Duration timeout, long maxBodyBytes, List<UpstreamInstance> instances) {

    /** A service with one instance at {@code url}. */
    public Upstream(String name, URI url, Duration timeout, long maxBodyBytes) {
        this(name, url, timeout, maxBodyBytes, List.of(new UpstreamInstance(url)));
    }

    /** A service with instances at {@code urls} (at least one; {@code url} is the first). */
    public static Upstream of(String name, List<URI> urls, Duration timeout, long maxBodyBytes) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("service " + name + " has no instance");
        }
        for (URI url : urls) {
            check(name, url);
        }
        if (new java.util.HashSet<>(urls).size() != urls.size()) {
            throw new IllegalArgumentException("instances of " + name + " repeat an address: " + urls);
        }
        return new Upstream(
                name,
                urls.get(0),
                timeout,
                maxBodyBytes,
                urls.stream().map(UpstreamInstance::new).toList());
    }

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        instances = List.copyOf(instances);
        check(name, url);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + name + " must be positive");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("max-body-size of " + name + " must not be negative");
        }
    }

    private static void check(String name, URI url) {
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
    }

    /** The addresses of every instance, comma-separated (the configured {@code url} for a single instance). */
    public String instancesText() {
        return String.join(
                ",", instances.stream().map(UpstreamInstance::baseUrl).toList());
    }

    /** The base URL of an instance in the balancing (the first one if all are ejected): where to ask for documents. */
    public String preferredBaseUrl() {
        for (UpstreamInstance instance : instances) {
            if (!instance.ejected()) {
                return instance.baseUrl();
            }
        }
        return baseUrl();
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
