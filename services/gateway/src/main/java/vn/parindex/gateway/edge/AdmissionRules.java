package vn.parindex.gateway.edge;

import java.util.Map;
import vn.parindex.common.api.CommonError;
import vn.parindex.gateway.GatewayError;
import vn.parindex.gateway.auth.TokenVerifier;
import vn.parindex.gateway.edge.AdmissionDecision.Answer;
import vn.parindex.gateway.edge.AdmissionDecision.CheckToken;
import vn.parindex.gateway.edge.AdmissionDecision.Forward;
import vn.parindex.gateway.edge.AdmissionDecision.Preflight;
import vn.parindex.gateway.edge.AdmissionDecision.Unreadable;
import vn.parindex.gateway.proxy.Upstream;

/**
 * Whether a request may pass the edge, decided on the facts of its head ({@link RequestHead}) alone: plain Java,
 * no HTTP library, no connection. In order: a target that is not a path (400), a path that is not normalised (404),
 * on {@code /api/*} a browser's preflight (answered here, 403 for an origin not allowed), the bearer token (checked
 * first: a bad one is a 401 after it costs a token of the address's bucket), the client's rate limit (429), the
 * route to a service (404 if none); on {@code /auth/*} a small body (413) and the rate limit by address; a body
 * declared over the target's limit (413, before anything is forwarded).
 *
 * <p>The rate limit is taken from the {@link Environment} exactly when a request reaches it: a request refused
 * before costs its client nothing.
 */
final class AdmissionRules {

    /** What the rules consult: the rate-limit buckets and the route table. */
    interface Environment {
        /** Takes a token of {@code bucket}: 0 if the request may pass, else the nanoseconds until it could. */
        long acquire(String bucket);

        /** The service that answers {@code path}, or null if none does. */
        Upstream route(String path);

        /** The gateway's own endpoints (Quarkus, on a loopback port). */
        Upstream own();
    }

    private static final Preflight PREFLIGHT = new Preflight();

    private final Environment environment;
    private final boolean corsEnabled;
    private final Edge.Limits limits;

    AdmissionRules(Environment environment, boolean corsEnabled, Edge.Limits limits) {
        this.environment = environment;
        this.corsEnabled = corsEnabled;
        this.limits = limits;
    }

    /** The decision on a request head that was read whole. */
    AdmissionDecision admit(RequestHead head) {
        String path = head.path();
        if (!head.target().startsWith("/")) {
            // Absolute-form (http://host/...) or '*': the gateway is no forward proxy.
            return new Answer(
                    GatewayError.BAD_REQUEST,
                    "The request target must be a path starting with /",
                    Map.of(),
                    null,
                    null,
                    true);
        }
        if (!Edge.isNormalised(path)) {
            // Decided on the path as sent: dot segments and encoded dots could reach a service path outside the API
            // (/api/units/../../q/...) or pass /x/../auth/token for something else than /auth/token.
            return new Answer(
                    CommonError.RESOURCE_NOT_FOUND, "No resource at " + path + " (not a normalised path)", Map.of());
        }
        if (head.api() && head.origin() != null && head.options() && head.preflightAsked() && corsEnabled) {
            if (!head.corsAllowed()) {
                return new Answer(
                        GatewayError.ORIGIN_NOT_ALLOWED,
                        "Origin " + head.origin() + " may not call this API from a browser",
                        Map.of());
            }
            return PREFLIGHT;
        }
        if (head.api()) {
            String token = Admission.bearerToken(head.authorization());
            return token == null ? admitted(head, null) : new CheckToken(token);
        }
        if (path.startsWith("/auth/")) {
            String length = head.contentLength();
            if (head.chunked() || (length != null && Admission.tooLongForOwnEndpoint(length))) {
                return new Answer(
                        GatewayError.REQUEST_TOO_LARGE,
                        "Bodies sent to " + path + " must have a Content-Length of at most "
                                + Admission.MAX_OWN_BODY_BYTES + " bytes",
                        Map.of());
            }
            Answer limited = limited(head, null);
            if (limited != null) {
                return limited;
            }
        }
        return forward(head, environment.own());
    }

    /** The decision after the bearer token was verified: {@code subject} is the token's (may be null). */
    AdmissionDecision tokenValid(RequestHead head, String subject) {
        return admitted(head, subject);
    }

    /** The decision after the bearer token was refused ({@code failure} says why) or could not be checked. */
    AdmissionDecision tokenRefused(RequestHead head, Throwable failure) {
        // A bad token still costs its sender a token of the address's bucket: guessing is rate limited too.
        Answer limited = limited(head, null);
        if (limited != null) {
            return limited;
        }
        String detail = failure instanceof TokenVerifier.InvalidTokenException
                ? failure.getMessage()
                : "The token cannot be checked";
        return new Answer(
                GatewayError.INVALID_TOKEN,
                detail,
                Map.of(),
                "www-authenticate",
                "Bearer error=\"invalid_token\", error_description=\"" + EdgeMessages.headerSafe(detail) + "\"",
                false);
    }

    /** The answer to a request head the decoder could not read: 414, 431 or 400, in words without the decoder's. */
    Answer unreadable(Unreadable why) {
        return switch (why) {
            case LINE_TOO_LONG ->
                new Answer(
                        GatewayError.URI_TOO_LONG,
                        "The request line (method, target and version) is longer than " + limits.maxInitialLineLength()
                                + " bytes",
                        Map.of("maxBytes", limits.maxInitialLineLength()));
            case HEADERS_TOO_LARGE ->
                new Answer(
                        GatewayError.HEADERS_TOO_LARGE,
                        "The request headers are larger than " + limits.maxHeaderSize() + " bytes",
                        Map.of("maxBytes", limits.maxHeaderSize()));
            case MALFORMED ->
                new Answer(
                        GatewayError.BAD_REQUEST,
                        "The request line or headers are not valid HTTP/1.1 (RFC 9112)",
                        Map.of());
        };
    }

    /**
     * The answer to a body over the limit of the service it goes to ({@code why}: how it is known). The connection
     * closes: the service gets none of it whole.
     */
    static Answer tooLarge(String path, long max, String why) {
        return new Answer(
                GatewayError.REQUEST_TOO_LARGE,
                "Bodies sent to " + path + " may be at most " + Upstream.sizeText(max) + " (" + max + " bytes); " + why,
                Map.of("maxBytes", max),
                null,
                null,
                true);
    }

    private AdmissionDecision admitted(RequestHead head, String subject) {
        Answer limited = limited(head, subject);
        if (limited != null) {
            return limited;
        }
        Upstream service = environment.route(head.path());
        if (service == null) {
            return new Answer(CommonError.RESOURCE_NOT_FOUND, "No resource at " + head.path(), Map.of());
        }
        return forward(head, service);
    }

    /** Takes a token of the client's bucket (its subject's, else its address'), or the 429 that refuses it. */
    private Answer limited(RequestHead head, String subject) {
        long wait = environment.acquire(subject != null ? Admission.subjectKey(subject) : head.anonymousKey());
        if (wait == 0) {
            return null;
        }
        long seconds = Admission.retryAfterSeconds(wait);
        return new Answer(
                GatewayError.RATE_LIMITED,
                "Too many requests from this client; retry in " + seconds + " s",
                Map.of("retryAfterSeconds", seconds),
                "retry-after",
                Long.toString(seconds),
                false);
    }

    /** Refused unread if the head declares a body over the target's limit (before a 100 Continue invites it). */
    private AdmissionDecision forward(RequestHead head, Upstream target) {
        long max = target.maxBodyBytes();
        if (head.declaredLength() > max) {
            return tooLarge(head.path(), max, "this one declares " + head.declaredLength() + " bytes");
        }
        return new Forward(target);
    }
}
