package vn.parindex.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.Problem;
import vn.parindex.gateway.GatewayError;
import vn.parindex.gateway.proxy.Problems;
import vn.parindex.gateway.proxy.RequestIds;
import vn.parindex.gateway.proxy.Upstream;

/**
 * The HTTP messages the edge rewrites or writes itself: a request made ready for its service, the gateway's own
 * answers (problems, preflights), CORS headers, and the words of a 503. Stateless; {@link ClientConnection} keeps
 * the state of the exchange.
 */
final class EdgeMessages {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    static final AsciiString X_REQUEST_ID = AsciiString.cached(RequestIds.HEADER);
    private static final AsciiString HTTP = AsciiString.cached("http");

    /** Written as bytes below the HTTP encoder (see {@link ClientConnection}). */
    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private EdgeMessages() {}

    /**
     * Makes a client's request ready for its service, in place: hop-by-hop headers and {@code Expect} (answered by
     * the gateway) dropped; the client's {@code Host} kept (one naming the service if the client sent none);
     * {@code X-Forwarded-For/-Proto/-Host/-Port} and the request id added; the body's framing kept.
     */
    static void prepareForService(HttpRequest request, String clientAddress, Upstream target, String requestId) {
        HttpHeaders headers = request.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        HopByHop.strip(headers);
        headers.remove(HttpHeaderNames.EXPECT);
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
            headers.set(X_FORWARDED_PORT, Integer.toString(Edge.portOf(host, 80)));
        } else {
            headers.set(HttpHeaderNames.HOST, target.host() + ":" + target.port());
        }
        String earlier = headers.get(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, earlier == null ? clientAddress : earlier + ", " + clientAddress);
        headers.set(X_FORWARDED_PROTO, HTTP);
        headers.set(X_REQUEST_ID, requestId);
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(request, true);
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /** Whether an answer to {@code method} with {@code status} can carry a body (RFC 9110 §6.4.1). */
    static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    /** CORS and the request id are the gateway's headers: a service's copies would double or contradict them. */
    static void dropGatewayOwned(HttpHeaders headers) {
        List<CharSequence> drop = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
        while (all.hasNext()) {
            CharSequence name = all.next().getKey();
            if (name.length() > 15 && AsciiString.regionMatches(name, true, 0, "access-control-", 0, 15)) {
                if (drop == null) {
                    drop = new ArrayList<>(4);
                }
                drop.add(name);
            }
        }
        if (drop != null) {
            drop.forEach(headers::remove);
        }
    }

    /** The CORS headers of an answer to a page from {@code origin}, an origin the policy allows. */
    static void cors(HttpHeaders headers, CorsPolicy policy, String origin) {
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        if (policy.exposedHeaders() != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, policy.exposedHeaders());
        }
        headers.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }

    /** The answer to an allowed preflight (its origin's CORS headers are the caller's to add). */
    static FullHttpResponse preflight(CorsPolicy policy, HttpHeaders asked) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        headers.set(
                HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS,
                policy.methods() != null ? policy.methods() : asked.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD));
        String allowed =
                policy.headers() != null ? policy.headers() : asked.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (allowed != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, allowed);
        }
        if (policy.maxAgeSeconds() != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, policy.maxAgeSeconds());
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    /**
     * The gateway's error code for a service's error answer that is not JSON (its HTTP layer's bare 400, 408, 413,
     * 414, 431, empty or plain text), which the client gets as problem+json instead; null for every other answer.
     */
    static ErrorCode bareError(HttpResponse response) {
        ErrorCode code = switch (response.status().code()) {
            case 400 -> GatewayError.BAD_REQUEST;
            case 408 -> GatewayError.REQUEST_TIMEOUT;
            case 413 -> GatewayError.REQUEST_TOO_LARGE;
            case 414 -> GatewayError.URI_TOO_LONG;
            case 431 -> GatewayError.HEADERS_TOO_LARGE;
            default -> null;
        };
        if (code == null) {
            return null;
        }
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).contains("json") ? null : code;
    }

    /** A problem+json answer; {@code header} (may be null) with {@code value} is added. */
    static FullHttpResponse problem(
            ErrorCode code,
            String detail,
            String path,
            Map<String, Object> context,
            CharSequence header,
            String value) {
        byte[] body = Problems.body(code, detail, path, context);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code.status()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (header != null) {
            headers.set(header, value);
        }
        return response;
    }

    /** Text fit for a quoted header value: no quotes, no control characters (a token's kid is the sender's). */
    static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(c < 0x20 || c > 0x7e ? ' ' : c == '"' ? '\'' : c);
        }
        return safe.toString();
    }

    /**
     * Why a service did not answer, in words a caller can act on (the detail of the 503): {@code at} is the
     * instance of the last attempt, {@code tried} how many instances were tried.
     */
    static String unavailableDetail(
            Upstream target, String at, int tried, Throwable cause, long elapsedMs, boolean silent) {
        String others = tried > 1 ? " (" + tried + " instances tried)" : "";
        if (silent || elapsedMs + 50 >= target.timeout().toMillis()) {
            return target.name() + " did not answer within " + target.timeoutText() + others;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return target.name() + " is not reachable at " + at + others;
            }
        }
        return target.name() + " closed the connection without answering" + others;
    }
}
