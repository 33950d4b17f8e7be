package vn.parindex.gateway;

import vn.parindex.common.api.ErrorCode;

/**
 * Stable error codes the gateway answers itself (a service's own errors pass through unchanged). A service that
 * does not answer is {@code SERVICE_UNAVAILABLE} ({@link vn.parindex.common.api.CommonError}) with the service
 * named in the detail and in {@code context.service}.
 */
public final class GatewayError {

    private GatewayError() {}

    public static final ErrorCode INVALID_TOKEN = ErrorCode.of("INVALID_TOKEN", 401, "The bearer token is not valid");

    public static final ErrorCode RATE_LIMITED = ErrorCode.of("RATE_LIMITED", 429, "Too many requests");

    public static final ErrorCode REQUEST_TOO_LARGE =
            ErrorCode.of("REQUEST_TOO_LARGE", 413, "The request body is too large");

    public static final ErrorCode INVALID_GRANT = ErrorCode.of("INVALID_GRANT", 400, "Unknown user or wrong password");

    public static final ErrorCode UNSUPPORTED_GRANT_TYPE =
            ErrorCode.of("UNSUPPORTED_GRANT_TYPE", 400, "Only grant_type=password is supported");

    public static final ErrorCode LOCAL_ISSUER_DISABLED =
            ErrorCode.of("LOCAL_ISSUER_DISABLED", 404, "The local token issuer is off");

    public static final ErrorCode ORIGIN_NOT_ALLOWED =
            ErrorCode.of("ORIGIN_NOT_ALLOWED", 403, "Cross-origin requests from this origin are not allowed");

    public static final ErrorCode BAD_GATEWAY =
            ErrorCode.of("BAD_GATEWAY", 502, "A service answered with something that is not valid HTTP");

    public static final ErrorCode BAD_REQUEST = ErrorCode.of("BAD_REQUEST", 400, "The request is not valid HTTP/1.1");

    public static final ErrorCode REQUEST_TIMEOUT =
            ErrorCode.of("REQUEST_TIMEOUT", 408, "The request did not arrive in time");

    public static final ErrorCode URI_TOO_LONG = ErrorCode.of("URI_TOO_LONG", 414, "The request target is too long");

    /**
     * A write without an {@code Idempotency-Key} went out to a service instance that failed before answering: it
     * may or may not have been stored, and the gateway does not send it again (proxy.RetryPolicy).
     */
    public static final ErrorCode UPSTREAM_WRITE_UNCONFIRMED = ErrorCode.of(
            "UPSTREAM_WRITE_UNCONFIRMED",
            503,
            "The service failed after the write was sent: it may or may not have been stored");

    public static final ErrorCode HEADERS_TOO_LARGE =
            ErrorCode.of("HEADERS_TOO_LARGE", 431, "The request headers are too large");
}
