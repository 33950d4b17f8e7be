package vn.parindex.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client key, in memory: a client may make {@code burst} requests at once and
 * {@code ratePerSecond} per second after that. One map lookup and a few arithmetic operations under the bucket's
 * own lock per request, so it adds nothing measurable to the proxy's latency. Buckets that have filled up again
 * are dropped by {@link #evictIdle(long)}, so memory follows the number of recently active clients.
 *
 * <p>Per gateway instance: with several replicas a client gets the limit at each of them.
 */
public final class TokenBucketLimiter {

    private final double tokensPerNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketLimiter(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, got " + ratePerSecond + " / " + burst);
        }
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
    }

    /**
     * Takes one token from the client's bucket.
     *
     * @param now {@link System#nanoTime()}
     * @return 0 when the request may go ahead, otherwise the nanoseconds until the next token
     */
    public long acquire(String client, long now) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        }
        synchronized (bucket) {
            bucket.refill(now, tokensPerNano, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
        }
    }

    /** Drops the buckets that are full again at {@code now}: their clients are back to a fresh start anyway. */
    public void evictIdle(long now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, tokensPerNano, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    /** Number of clients with a bucket (for tests and logs). */
    public int clients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double tokensPerNano, double burst) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
                updated = now;
            }
        }
    }
}
