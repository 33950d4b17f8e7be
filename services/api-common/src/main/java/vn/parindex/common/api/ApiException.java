package vn.parindex.common.api;

import java.util.List;
import java.util.Map;

/**
 * A failure that the client should see as a problem+json response. Domain and service code throw this (or a
 * subclass) with an {@link ErrorCode}; the shared exception mapper turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<FieldError> errors;
    private final Map<String, Object> context;

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of(), Map.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<FieldError> errors) {
        this(errorCode, detail, errors, Map.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<FieldError> errors, Map<String, Object> context) {
        super(detail, null, false, false);
        this.errorCode = errorCode;
        this.errors = List.copyOf(errors);
        this.context = Map.copyOf(context);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> context() {
        return context;
    }

    /** A 400 naming one malformed request parameter. */
    public static ApiException invalidParameter(String name, String message, String value) {
        return new ApiException(
                CommonError.INVALID_PARAMETER,
                "Parameter '" + name + "' " + message,
                List.of(FieldError.of(name, message, value)));
    }
}
