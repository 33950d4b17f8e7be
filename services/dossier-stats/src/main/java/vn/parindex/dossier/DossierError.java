package vn.parindex.dossier;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of dossier statistics. */
public enum DossierError implements ErrorCode {
    PROCEDURE_NOT_FOUND(404, "Procedure not found"),
    INVALID_CALENDAR(400, "Invalid calendar"),
    INVALID_PROCEDURES(400, "Invalid procedures"),
    UNSUPPORTED_BATCH_FORMAT(415, "Send NDJSON, a JSON array or CSV"),
    UNIT_NOT_FOUND(404, "Unit not found in the unit registry"),
    REGISTRY_UNAVAILABLE(503, "The unit registry is unavailable");

    private final int status;
    private final String title;

    DossierError(int status, String title) {
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
