package vn.parindex.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced larger than the service's limit ({@code quarkus.http.limits.max-body-size}) with a
 * problem+json 413 {@code REQUEST_TOO_LARGE}, before the body is read. Quarkus's own check (one route later)
 * answers the same status with no body at all.
 */
@ApplicationScoped
public class BodyLimit {

    /** Quarkus's upload limit runs at -2 (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT): this one just before it. */
    private static final int ORDER = -3;

    static final ErrorCode REQUEST_TOO_LARGE = ErrorCode.of("REQUEST_TOO_LARGE", 413, "The request body is too large");

    private final long limit;
    private final ObjectMapper json;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1; // not ours to judge: the HTTP layer refuses a malformed length
            }
            if (announced <= limit) {
                rc.next();
                return;
            }
            String instance = InputLimits.echo(rc.request().path());
            Problem problem = new Problem(
                    Problem.typeUri(REQUEST_TOO_LARGE),
                    REQUEST_TOO_LARGE.title(),
                    REQUEST_TOO_LARGE.status(),
                    "The body has " + announced + " bytes; this service reads at most " + limit,
                    instance,
                    REQUEST_TOO_LARGE.code(),
                    List.of(),
                    Map.of("maxBytes", limit));
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":413,\"title\":\"" + REQUEST_TOO_LARGE.title() + "\"}";
            }
            // The body is not read: the connection ends after the answer, so it is not taken for the next request.
            rc.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(body);
        });
    }
}
