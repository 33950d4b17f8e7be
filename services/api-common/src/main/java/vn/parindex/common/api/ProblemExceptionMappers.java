package vn.parindex.common.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem+json responses. Bodies never carry stack traces or
 * class names; unexpected failures are logged here and answered with a generic 500.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response mapApiException(ApiException e, UriInfo uriInfo) {
        return problem(e.errorCode(), e.getMessage(), e.errors(), e.context(), uriInfo);
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldError.of(fieldName(v), v.getMessage(), safeValue(v.getInvalidValue())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return problem(CommonError.VALIDATION_FAILED, detail, errors, Map.of(), uriInfo);
    }

    // Jackson's own mappers for these subtypes would otherwise answer with a body of their own.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uriInfo) {
        return mapJsonProblem(e, uriInfo);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapJsonParse(JsonParseException e, UriInfo uriInfo) {
        return mapJsonProblem(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response mapJsonProblem(JsonProcessingException e, UriInfo uriInfo) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
        } else if (duplicateKey(e) != null) {
            field = duplicateKey(e);
        }
        String message = describe(e);
        return problem(
                CommonError.MALFORMED_BODY,
                "Malformed JSON at '" + field + "': " + message,
                List.of(FieldError.of(field, message, rejected(e))),
                Map.of(),
                uriInfo);
    }

    /** Says what a value must be, in the API's words, never naming Java types. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof RejectedInput r) {
            return r.reason();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
            return "must not be null";
        }
        if (duplicateKey(e) != null) {
            return "is given twice: each key once";
        }
        if (e instanceof JsonParseException) {
            var at = e.getLocation();
            return "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            if (t == java.time.LocalDate.class) {
                return "must be a date YYYY-MM-DD";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
                return "must be a timestamp with offset, e.g. 2025-07-01T08:00:00+07:00";
            }
            if (t.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(t.getEnumConstants());
            }
            if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
                return "must be a number";
            }
            if (t == Boolean.class || t == boolean.class) {
                return "must be true or false";
            }
            if (t == String.class) {
                return "must be a string";
            }
            if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
                return "must be an array";
            }
            return "must be an object";
        }
        return "cannot be read";
    }

    /** The key a strict parser found twice ("Duplicate field 'code'"), or {@code null}. */
    private static String duplicateKey(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (!(e instanceof JsonParseException) || m == null || !m.startsWith("Duplicate field '")) {
            return null;
        }
        int end = m.lastIndexOf('\'');
        return end > 17 ? InputLimits.echo(m.substring(17, end)) : null;
    }

    private static String rejected(JsonProcessingException e) {
        if (e instanceof RejectedInput r) {
            return safeValue(r.value());
        }
        if (e instanceof InvalidFormatException f && f.getValue() != null) {
            return safeValue(f.getValue());
        }
        return null;
    }

    @ServerExceptionMapper
    public Response mapNotAuthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uriInfo) {
        return unauthenticated("This request needs a bearer token", uriInfo);
    }

    @ServerExceptionMapper
    public Response mapBadToken(io.quarkus.security.AuthenticationFailedException e, UriInfo uriInfo) {
        return unauthenticated("The bearer token is not valid (signature, issuer or expiry)", uriInfo);
    }

    @ServerExceptionMapper
    public Response mapForbidden(io.quarkus.security.ForbiddenException e, UriInfo uriInfo) {
        return problem(
                CommonError.FORBIDDEN,
                e.getMessage() != null && !e.getMessage().isBlank()
                        ? e.getMessage()
                        : "The caller's roles do not allow this request",
                List.of(),
                Map.of(),
                uriInfo);
    }

    private static Response unauthenticated(String detail, UriInfo uriInfo) {
        Response r = problem(CommonError.NOT_AUTHENTICATED, detail, List.of(), Map.of(), uriInfo);
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uriInfo) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return mapJsonProblem(json, uriInfo);
        }
        ErrorCode code = switch (e) {
            case NotFoundException nf -> CommonError.RESOURCE_NOT_FOUND;
            case NotAllowedException na -> CommonError.METHOD_NOT_ALLOWED;
            case NotSupportedException ns -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            case NotAcceptableException na -> CommonError.NOT_ACCEPTABLE;
            default -> byStatus(e.getResponse().getStatus());
        };
        String detail = switch (e) {
            case NotFoundException nf -> "No resource at " + uriInfo.getPath();
            case NotAllowedException na -> "Method not allowed on " + uriInfo.getPath();
            default -> code.title();
        };
        return problem(code, detail, List.of(), Map.of(), uriInfo);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uriInfo) {
        StoreRefusal refusal = StoreRefusal.of(e);
        if (refusal != null) {
            LOG.infof("The database refused a write on %s: %s", uriInfo.getPath(), refusal.sqlState());
            return problem(refusal.code(), refusal.detail(), List.of(), Map.of(), uriInfo);
        }
        LOG.errorf(e, "Unexpected failure on %s", uriInfo.getPath());
        return problem(
                CommonError.INTERNAL_ERROR,
                "The server failed to answer this request; it has been logged.",
                List.of(),
                Map.of(),
                uriInfo);
    }

    public static Response problem(
            ErrorCode code, String detail, List<FieldError> errors, Map<String, Object> context, UriInfo uriInfo) {
        String instance = uriInfo == null
                ? null
                : InputLimits.echo("/" + uriInfo.getPath().replaceFirst("^/", ""));
        Problem body = new Problem(
                Problem.typeUri(code), code.title(), code.status(), detail, instance, code.code(), errors, context);
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    private static ErrorCode byStatus(int status) {
        for (CommonError c : CommonError.values()) {
            if (c.status() == status) {
                return c;
            }
        }
        return status >= 500 ? CommonError.INTERNAL_ERROR : CommonError.CONFLICT;
    }

    /**
     * The JSON path of a violation as a client wrote it: {@code predecessors[1].code}, {@code codes[2]}; method
     * validation's method and argument nodes are dropped.
     */
    private static String fieldName(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        for (jakarta.validation.Path.Node n : v.getPropertyPath()) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {}
            }
            if (n.isInIterable()) {
                Object at = n.getIndex() != null ? n.getIndex() : n.getKey();
                if (at != null) {
                    sb.append('[').append(InputLimits.echo(at)).append(']');
                }
            }
            String name = n.getName();
            if (name != null && !name.startsWith("<")) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String safeValue(Object value) {
        return InputLimits.echo(value);
    }
}
