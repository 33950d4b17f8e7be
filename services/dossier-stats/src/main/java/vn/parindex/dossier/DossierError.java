package vn.parindex.dossier;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of dossier statistics. */
public final class DossierError {

    private DossierError() {}

    public static final ErrorCode PROCEDURE_NOT_FOUND = ErrorCode.of("PROCEDURE_NOT_FOUND", 404, "Procedure not found");

    public static final ErrorCode INVALID_CALENDAR = ErrorCode.of("INVALID_CALENDAR", 400, "Invalid calendar");

    public static final ErrorCode INVALID_PROCEDURES = ErrorCode.of("INVALID_PROCEDURES", 400, "Invalid procedures");

    public static final ErrorCode UNSUPPORTED_BATCH_FORMAT =
            ErrorCode.of("UNSUPPORTED_BATCH_FORMAT", 415, "Send NDJSON, a JSON array or CSV");

    public static final ErrorCode UNIT_NOT_FOUND =
            ErrorCode.of("UNIT_NOT_FOUND", 404, "Unit not found in the unit registry");

    public static final ErrorCode REGISTRY_UNAVAILABLE =
            ErrorCode.of("REGISTRY_UNAVAILABLE", 503, "The unit registry is unavailable");
}
