package vn.parindex.common.api;

/** Error codes shared by every ParIndex service. */
public enum CommonError implements ErrorCode {
    INVALID_PARAMETER(400, "A request parameter is malformed"),
    VALIDATION_FAILED(400, "The request body is invalid"),
    MALFORMED_BODY(400, "The request body cannot be read"),
    NOT_AUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "The caller may not do this"),
    RESOURCE_NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    CONFLICT(409, "The request conflicts with the current state"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "A service is unavailable"),
    DATABASE_UNAVAILABLE(503, "The database is unavailable");

    private final int status;
    private final String title;

    CommonError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
