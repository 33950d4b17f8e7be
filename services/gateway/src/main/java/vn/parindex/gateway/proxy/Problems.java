package vn.parindex.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.Problem;

/**
 * problem+json bodies for what the gateway decides before any service
 * is involved (401, 404, 413, 429, 503). Same body shape as api-common's mappers give the services.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** The problem body for {@code code} on the request's path. */
    public static byte[] body(ErrorCode code, String detail, String path, Map<String, Object> context) {
        Problem problem = new Problem(
                Problem.typeUri(code), code.title(), code.status(), detail, path, code.code(), List.of(), context);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }
}
