package vn.parindex.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import vn.parindex.gateway.auth.TokenVerifier;
import vn.parindex.gateway.auth.TokenVerifier.VerifiedToken;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.ratelimit.TokenBucketLimiter;

/**
 * What decides whether a request may pass the gateway, without the HTTP around it: the bearer token (a bad one is
 * refused; a good one passes unchanged, the services authorise) and the client's rate limit (token subject, else IP
 * address). Thread-safe; called on the edge's event loops.
 */
@ApplicationScoped
public class Admission {

    /** Bodies of the gateway's own endpoints (the token form) are small; anything bigger is refused unread. */
    public static final long MAX_OWN_BODY_BYTES = 16 * 1024;

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final TokenBucketLimiter limiter;
    private final Vertx vertx;
    private final long evictionTimer;

    public Admission(TokenVerifier verifier, GatewayConfig config, Vertx vertx) {
        this.verifier = verifier;
        this.vertx = vertx;
        GatewayConfig.RateLimit rateLimit = config.rateLimit();
        if (rateLimit.enabled()) {
            this.limiter = new TokenBucketLimiter(rateLimit.requestsPerSecond(), rateLimit.burst());
            this.evictionTimer =
                    vertx.setPeriodic(TimeUnit.MINUTES.toMillis(1), id -> limiter.evictIdle(System.nanoTime()));
        } else {
            this.limiter = null;
            this.evictionTimer = -1;
        }
    }

    @PreDestroy
    void stop() {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
    }

    /** Checks a bearer token; completes at once unless an unknown signing key has to be fetched first. */
    public Future<VerifiedToken> verify(String token) {
        return verifier.verify(token);
    }

    /**
     * Takes a token of the client's bucket: 0 if the request may pass, else the nanoseconds until it could.
     *
     * @param client {@link #subjectKey} of a verified token's subject, else {@link #addressKey} of the address
     */
    public long acquire(String client) {
        if (limiter == null) {
            return 0;
        }
        return limiter.acquire(client, System.nanoTime());
    }

    /** The bucket of a token holder: one per subject, wherever it calls from. */
    public static String subjectKey(String subject) {
        return "sub:" + subject;
    }

    /** The bucket of an anonymous client: one per IP address. */
    public static String addressKey(String address) {
        return "ip:" + address;
    }

    /** Whole seconds to tell a limited client to wait ({@code Retry-After}), at least 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }

    /**
     * The token of an {@code Authorization: Bearer …} header: null for no header or another scheme (passed on
     * unchecked), an empty string for the bearer scheme without a token (refused as malformed).
     */
    public static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int scheme = BEARER.length() - 1;
        if (value.length() < scheme
                || !value.regionMatches(true, 0, BEARER, 0, scheme)
                || (value.length() > scheme && !Character.isWhitespace(value.charAt(scheme)))) {
            return null;
        }
        return value.substring(scheme).trim();
    }

    /** Whether a Content-Length is over the limit of the gateway's own endpoints (or not a number). */
    public static boolean tooLongForOwnEndpoint(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_OWN_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
