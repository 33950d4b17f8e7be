package vn.parindex.gateway.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the merged document at {@code /q/openapi} (where integrators and Swagger UI look for it), JSON by default,
 * YAML with {@code ?format=yaml} or {@code Accept: application/yaml}. The gateway's own SmallRye document is moved
 * to {@code /q/openapi-gateway} in application.properties to make room.
 */
@ApplicationScoped
public class OpenApiRoute {

    private final MergedOpenApi document;

    public OpenApiRoute(MergedOpenApi document) {
        this.document = document;
    }

    void install(@Observes Router router) {
        router.get("/q/openapi").handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String format = rc.request().getParam("format");
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        boolean yaml = format != null
                ? format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")
                : accept != null && (accept.contains("yaml") && !accept.contains("json"));
        rc.response()
                .putHeader(
                        HttpHeaders.CONTENT_TYPE,
                        yaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(yaml ? document.yaml() : document.json()));
    }
}
