package vn.parindex.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.Problem;

/**
 * problem+json answers written straight onto a Vert.x response, for what the gateway decides before any service
 * is involved (401, 404, 413, 429, 503). Same body shape as api-common's mappers give the services.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** The problem body for {@code code} on the request's path. */
    public static Buffer body(ErrorCode code, String detail, String path, Map<String, Object> context) {
        Problem problem = new Problem(
                Problem.typeUri(code), code.title(), code.status(), detail, path, code.code(), List.of(), context);
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }

    /**
     * Ends the exchange with a problem. A request whose body has not been read yet gets {@code Connection: close}
     * so an unread upload is not parsed as the next request and is not read to the end for nothing.
     */
    public static void send(HttpServerRequest request, ErrorCode code, String detail, Map<String, Object> context) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        Buffer body = body(code, detail, request.path(), context);
        response.setStatusCode(code.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!request.isEnded()) {
            if (request.version() != io.vertx.core.http.HttpVersion.HTTP_2) {
                // HTTP/2 forbids connection headers (clients reject the answer); its streams end on their own.
                response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            request.resume();
        }
        response.end(body);
    }

    public static void send(HttpServerRequest request, ErrorCode code, String detail) {
        send(request, code, detail, Map.of());
    }
}
