package vn.parindex.gateway.proxy;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running instance (replica) of a service: its address, the requests the gateway has in flight to it, and
 * whether it is ejected from the balancing. Shared by every event loop of the edge, so its state is atomic; the
 * rules that read it are {@link Balancer}'s.
 *
 * <p>An instance is ejected when a connection to it is refused (or cannot be opened in time) or when its {@code
 * /q/health/ready} fails; it is admitted again when its health check passes.
 */
public final class UpstreamInstance {

    private final URI url;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean ejected;
    private volatile String ejectedBecause;

    public UpstreamInstance(URI url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    public URI url() {
        return url;
    }

    /** The address without a trailing slash: {@code http://10.0.0.7:8081}. */
    public String baseUrl() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
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

    /** Requests sent (or being sent) to this instance whose exchange has not ended. */
    public int pending() {
        return pending.get();
    }

    /** A request goes to this instance. */
    public void begin() {
        pending.incrementAndGet();
    }

    /** A request that went to this instance is over (answered, failed, or moved to another instance). */
    public void end() {
        pending.decrementAndGet();
    }

    public boolean ejected() {
        return ejected;
    }

    /** Why the instance was ejected, null while it is in the balancing. */
    public String ejectedBecause() {
        return ejectedBecause;
    }

    /** Out of the balancing until its health check passes. */
    public void eject(String because) {
        ejectedBecause = because;
        ejected = true;
    }

    /** Back in the balancing (its health check passed). */
    public void readmit() {
        ejected = false;
        ejectedBecause = null;
    }

    @Override
    public String toString() {
        return baseUrl() + (ejected ? " (ejected: " + ejectedBecause + ")" : "") + " pending " + pending.get();
    }
}
