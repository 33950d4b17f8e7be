package vn.parindex.gateway.edge;

/**
 * What the admission rules need to know of a request head, read off it by the connection: plain values, no HTTP
 * library types.
 *
 * @param target the request target as sent (path and query, or an absolute form)
 * @param path the target without its query
 * @param api whether the path is a service's ({@code /api/...} other than the gateway's own)
 * @param options whether the method is OPTIONS
 * @param preflightAsked whether an {@code Access-Control-Request-Method} header came (a browser's preflight)
 * @param origin the {@code Origin} header, or null
 * @param corsAllowed whether the origin may call the API from a browser (false outside {@code /api/})
 * @param authorization the {@code Authorization} header, or null
 * @param chunked whether the body is sent chunked
 * @param contentLength the {@code Content-Length} header as sent, or null
 * @param declaredLength the body length the head declares, -1 if chunked or unknown
 * @param anonymousKey the rate-limit bucket of the client without a token ({@link Admission#addressKey})
 */
record RequestHead(
        String target,
        String path,
        boolean api,
        boolean options,
        boolean preflightAsked,
        String origin,
        boolean corsAllowed,
        String authorization,
        boolean chunked,
        String contentLength,
        long declaredLength,
        String anonymousKey) {}
