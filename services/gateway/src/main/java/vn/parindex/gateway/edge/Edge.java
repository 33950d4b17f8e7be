package vn.parindex.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.http.impl.HttpUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.parindex.gateway.proxy.RouteTable;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;

/**
 * What every client connection of the edge shares: the admission rules, the CORS policy, and the upstream pools of
 * each event loop (one pool per service and one for the gateway's own endpoints, created on first use on that
 * loop).
 */
final class Edge implements AdmissionRules.Environment {

    /** {@code /api/...} paths the gateway answers itself (its own endpoints), not a service. */
    static final Set<String> OWN_API_PATHS = Set.of("/api/health");

    /** What the edge accepts from a client (the words of its 408, 414 and 431 answers come from here). */
    record Limits(
            int maxInitialLineLength,
            int maxHeaderSize,
            Duration headerTimeout,
            Duration bodyTimeout,
            long minBodyBytesPerSecond) {}

    private final Admission admission;
    private final CorsPolicy cors;
    private final List<Upstream> upstreams;
    private final Map<String, Integer> indexByService = new HashMap<>();
    private final int ownIndex;
    private final FastThreadLocal<IdentityHashMap<UpstreamInstance, UpstreamPool>> pools;
    private final Class<? extends Channel> channelType;
    private final int maxConnections;
    private final SslContext ssl;
    private final Set<String> trustedProxies;
    private final Limits limits;
    private final AdmissionRules rules;

    Edge(
            Admission admission,
            CorsPolicy cors,
            List<Upstream> services,
            Upstream own,
            Class<? extends Channel> channelType,
            int maxConnections,
            SslContext ssl,
            Set<String> trustedProxies,
            Limits limits) {
        this.admission = admission;
        this.cors = cors;
        this.upstreams = new ArrayList<>(services);
        for (int i = 0; i < services.size(); i++) {
            indexByService.put(services.get(i).name(), i);
        }
        this.upstreams.add(own);
        this.ownIndex = services.size();
        this.pools = new FastThreadLocal<>() {
            @Override
            protected IdentityHashMap<UpstreamInstance, UpstreamPool> initialValue() {
                return new IdentityHashMap<>();
            }
        };
        this.channelType = channelType;
        this.maxConnections = maxConnections;
        this.ssl = ssl;
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.limits = limits;
        this.rules = new AdmissionRules(this, cors != null && cors.enabled(), limits);
    }

    /** Whether a request may pass, decided on its head. */
    AdmissionRules rules() {
        return rules;
    }

    Limits limits() {
        return limits;
    }

    /** Whether connections from {@code address} are a load balancer's, whose X-Forwarded-For names the client. */
    boolean trustsForwardedFor(String address) {
        return !trustedProxies.isEmpty() && trustedProxies.contains(address);
    }

    /** The last entry of an {@code X-Forwarded-For} value (the one the nearest proxy added), or null. */
    static String lastForwardedFor(String forwardedFor) {
        if (forwardedFor == null) {
            return null;
        }
        String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
        return last.isEmpty() ? null : last;
    }

    Admission admission() {
        return admission;
    }

    CorsPolicy cors() {
        return cors;
    }

    @Override
    public long acquire(String bucket) {
        return admission.acquire(bucket);
    }

    @Override
    public Upstream route(String path) {
        String service = RouteTable.lookup(path);
        Integer index = service == null ? null : indexByService.get(service);
        return index == null ? null : upstreams.get(index);
    }

    @Override
    public Upstream own() {
        return upstreams.get(ownIndex);
    }

    /**
     * The pool of one instance of {@code target} (a service, or the gateway's own endpoints) on the calling event
     * loop, created on first use.
     */
    UpstreamPool pool(Upstream target, UpstreamInstance instance, EventLoop loop) {
        IdentityHashMap<UpstreamInstance, UpstreamPool> mine = pools.get();
        UpstreamPool pool = mine.get(instance);
        if (pool == null) {
            pool = new UpstreamPool(target, instance, loop, channelType, maxConnections, instance.tls() ? ssl : null);
            mine.put(instance, pool);
        }
        return pool;
    }

    /**
     * Whether {@code path} is as a router would resolve it: no dot segments, no percent-encoded unreserved
     * characters (an encoded dot is a dot segment in disguise).
     */
    static boolean isNormalised(String path) {
        if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            return true; // nothing the normalisation would change
        }
        try {
            return path.equals(HttpUtils.normalizePath(path));
        } catch (RuntimeException e) {
            return false; // a malformed escape (%zz)
        }
    }

    /** The port of a {@code Host} header value ({@code host}, {@code host:port}, {@code [v6]:port}). */
    static int portOf(String host, int defaultPort) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.indexOf(']', colon) >= 0) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            return defaultPort;
        }
    }
}
