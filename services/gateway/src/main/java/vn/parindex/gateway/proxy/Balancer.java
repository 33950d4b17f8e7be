package vn.parindex.gateway.proxy;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which instance of a service gets the next attempt of a request: the one with the fewest requests in flight among
 * those in the balancing (not ejected) that this request has not tried yet; ties go round robin, so a light load
 * spreads too. When every untried instance is ejected the least busy of them is still tried — an ejection may be
 * stale (the health check runs every few seconds) and trying costs at most a refused connection, where refusing
 * outright would fail a request that could have passed. Null when the request has tried every instance.
 */
public final class Balancer {

    private static final AtomicInteger TIES = new AtomicInteger();

    private Balancer() {}

    public static UpstreamInstance pick(List<UpstreamInstance> instances, Collection<UpstreamInstance> tried) {
        int n = instances.size();
        if (n == 1) {
            UpstreamInstance only = instances.get(0);
            return tried.contains(only) ? null : only;
        }
        int start = Math.floorMod(TIES.getAndIncrement(), n);
        UpstreamInstance healthy = null;
        UpstreamInstance ejected = null;
        for (int k = 0; k < n; k++) {
            UpstreamInstance candidate = instances.get((start + k) % n);
            if (tried.contains(candidate)) {
                continue;
            }
            if (candidate.ejected()) {
                if (ejected == null || candidate.pending() < ejected.pending()) {
                    ejected = candidate;
                }
            } else if (healthy == null || candidate.pending() < healthy.pending()) {
                healthy = candidate;
            }
        }
        return healthy != null ? healthy : ejected;
    }
}
