package vn.parindex.common.api;

import java.sql.SQLException;

/**
 * What a database refusal that slipped past validation means to the client — a unique key taken by a concurrent
 * request is a 409, a value the column cannot hold is a 400 — in words of the API, never the database's text.
 * The last line of defence: validation should have named the field first. A database that cannot be reached
 * (connection refused or lost, server shutting down) is a 503 {@code DATABASE_UNAVAILABLE}.
 */
record StoreRefusal(String sqlState, ErrorCode code, String detail) {

    static StoreRefusal of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return bySqlState(sql.getSQLState());
            }
        }
        return null;
    }

    static StoreRefusal bySqlState(String state) {
        // Connection exceptions (class 08: refused, broken, lost) and a server shutting down or starting up:
        // nothing is wrong with the request, the database is away for a while.
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new StoreRefusal(
                    state,
                    CommonError.DATABASE_UNAVAILABLE,
                    "The service's database cannot be reached at the moment; try again shortly");
        }
        return switch (state) {
            case "23505" ->
                new StoreRefusal(
                        state,
                        CommonError.CONFLICT,
                        "A record with this key already exists (written by another request)");
            case "23503" ->
                new StoreRefusal(
                        state,
                        CommonError.CONFLICT,
                        "The record refers to, or is referred to by, a record that changed");
            case "40001", "40P01" ->
                new StoreRefusal(
                        state, CommonError.CONFLICT, "A concurrent request changed the same records; send it again");
            case "23502", "23514" ->
                new StoreRefusal(
                        state, CommonError.VALIDATION_FAILED, "A required value is missing or outside its allowed set");
            case "22001" -> new StoreRefusal(state, CommonError.VALIDATION_FAILED, "A text value is too long");
            case "22003" -> new StoreRefusal(state, CommonError.VALIDATION_FAILED, "A number is out of range");
            case "22007", "22008" ->
                new StoreRefusal(state, CommonError.VALIDATION_FAILED, "A date or time is out of range");
            case "22021", "22P05", "54000" ->
                new StoreRefusal(
                        state, CommonError.VALIDATION_FAILED, "A text value contains characters that cannot be stored");
            default -> null;
        };
    }
}
