package vn.parindex.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldAllowTheBurstThenOneRequestPerTokenRefilled() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(2, 3);
        long t = 1_000_000_000L;

        assertEquals(0, limiter.acquire("a", t));
        assertEquals(0, limiter.acquire("a", t));
        assertEquals(0, limiter.acquire("a", t));
        long wait = limiter.acquire("a", t);
        assertEquals(SECOND / 2, wait, 1);

        assertEquals(0, limiter.acquire("a", t + SECOND / 2));
        assertTrue(limiter.acquire("a", t + SECOND / 2) > 0);
    }

    @Test
    void shouldKeepClientsApart() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(1, 1);

        assertEquals(0, limiter.acquire("ip:10.0.0.1", 0));
        assertTrue(limiter.acquire("ip:10.0.0.1", 0) > 0);
        assertEquals(0, limiter.acquire("sub:officer-132", 0));
    }

    @Test
    void shouldNeverHoldMoreThanTheBurst() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(10, 2);
        limiter.acquire("a", 0);

        long muchLater = 3600 * SECOND;
        assertEquals(0, limiter.acquire("a", muchLater));
        assertEquals(0, limiter.acquire("a", muchLater));
        assertTrue(limiter.acquire("a", muchLater) > 0);
    }

    @Test
    void shouldForgetClientsWhoseBucketIsFullAgain() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(1, 2);
        limiter.acquire("idle", 0);
        limiter.acquire("busy", 0);
        limiter.acquire("busy", 0);

        limiter.evictIdle(SECOND + 1);

        assertEquals(1, limiter.clients());
        limiter.evictIdle(10 * SECOND);
        assertEquals(0, limiter.clients());
    }

    @Test
    void shouldRefuseNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketLimiter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketLimiter(1, 0));
    }
}
