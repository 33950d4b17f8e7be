package vn.parindex.common.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query parameter carrying a control character (a decoded {@code %00} …) or over-long text
 * before any resource reads it, with a 400 that names the parameter: such values never reach a query.
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        String pathReason = InputLimits.checkText(uri.getPath());
        if (pathReason != null) {
            return refuse("path", pathReason, uri.getPath(), request);
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String nameReason = InputLimits.checkText(parameter.getKey(), 200);
            if (nameReason != null) {
                return refuse("query", "has a parameter name that " + nameReason, parameter.getKey(), request);
            }
            for (String value : parameter.getValue()) {
                String reason = InputLimits.checkText(value);
                if (reason != null) {
                    return refuse(parameter.getKey(), reason, value, request);
                }
            }
        }
        return null;
    }

    private static Response refuse(String name, String reason, String value, ContainerRequestContext request) {
        ApiException e = ApiException.invalidParameter(name, reason, InputLimits.echo(value));
        return ProblemExceptionMappers.problem(
                e.errorCode(), e.getMessage(), e.errors(), e.context(), request.getUriInfo());
    }
}
