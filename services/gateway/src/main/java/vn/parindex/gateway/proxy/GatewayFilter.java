package vn.parindex.gateway.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.parindex.gateway.GatewayError;
import vn.parindex.gateway.auth.TokenVerifier;
import vn.parindex.gateway.auth.TokenVerifier.VerifiedToken;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.ratelimit.TokenBucketLimiter;

/**
 * What every request through the gateway goes through before it is proxied or answered: a request id (the
 * client's, or a new one) on the response and, later, upstream; a check of the bearer token if one is sent (a bad
 * one is a 401, a good one passes unchanged — the services authorise); the client's rate limit (token subject,
 * else IP address). Runs on the event loop and completes synchronously except while an unknown signing key is
 * being fetched.
 */
@ApplicationScoped
public class GatewayFilter {

    /** Bodies of the gateway's own endpoints (the token form) are small; anything bigger is refused unread. */
    static final long MAX_OWN_BODY_BYTES = 16 * 1024;

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final TokenBucketLimiter limiter;
    private final Vertx vertx;
    private final long evictionTimer;

    public GatewayFilter(TokenVerifier verifier, GatewayConfig config, Vertx vertx) {
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

    /** {@code /api/*}: request id, token, rate limit, then the proxy (or the gateway's own endpoint). */
    public void api(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        assignRequestId(request);
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            limitThenNext(rc, null);
            return;
        }
        Future<VerifiedToken> verification = verifier.verify(token);
        if (verification.isComplete()) {
            afterVerification(rc, verification);
            return;
        }
        // An unknown key is being fetched: hold the body until the proxy takes it.
        request.pause();
        verification.onComplete(result -> afterVerification(rc, result));
    }

    /** {@code /auth/*}: request id, a small body, rate limit by address (brute force on the token endpoint). */
    public void own(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        assignRequestId(request);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (chunked || (length != null && tooLong(length))) {
            Problems.send(
                    request,
                    GatewayError.REQUEST_TOO_LARGE,
                    "Bodies sent to " + request.path() + " must have a Content-Length of at most " + MAX_OWN_BODY_BYTES
                            + " bytes");
            return;
        }
        limitThenNext(rc, null);
    }

    private void afterVerification(RoutingContext rc, AsyncResult<VerifiedToken> result) {
        if (result.succeeded()) {
            limitThenNext(rc, result.result().subject());
            return;
        }
        HttpServerRequest request = rc.request();
        // A bad token still costs its sender a token of the address's bucket: guessing is rate limited too.
        if (!admitted(request, null)) {
            return;
        }
        String detail = result.cause() instanceof TokenVerifier.InvalidTokenException
                ? result.cause().getMessage()
                : "The token cannot be checked";
        request.response()
                .putHeader(
                        "WWW-Authenticate",
                        "Bearer error=\"invalid_token\", error_description=\"" + detail.replace('"', '\'') + "\"");
        Problems.send(request, GatewayError.INVALID_TOKEN, detail);
    }

    private void limitThenNext(RoutingContext rc, String subject) {
        HttpServerRequest request = rc.request();
        if (admitted(request, subject)) {
            // curl and others wait up to a second for "100 Continue" before sending a large body; the request is
            // admitted, so say so now (the Expect header is not passed on: the service would answer it too late).
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                request.response().writeContinue();
            }
            rc.next();
        }
    }

    /** Takes a token of the client's bucket, or answers 429 and returns false. */
    private boolean admitted(HttpServerRequest request, String subject) {
        if (limiter == null) {
            return true;
        }
        String client = subject != null ? "sub:" + subject : "ip:" + address(request);
        long wait = limiter.acquire(client, System.nanoTime());
        if (wait == 0) {
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
        request.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.send(
                request,
                GatewayError.RATE_LIMITED,
                "Too many requests from this client; retry in " + seconds + " s",
                Map.of("retryAfterSeconds", seconds));
        return false;
    }

    private static void assignRequestId(HttpServerRequest request) {
        String id = RequestIds.keepOrCreate(request.getHeader(RequestIds.HEADER));
        request.response().putHeader(RequestIds.HEADER, id);
    }

    /**
     * The token of an {@code Authorization: Bearer …} header: null for no header or another scheme (passed on
     * unchecked), an empty string for the bearer scheme without a token (refused as malformed).
     */
    static String bearerToken(String authorization) {
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

    private static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    private static boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_OWN_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
