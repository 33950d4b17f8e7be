package vn.parindex.common.api;

/**
 * A stable, machine-readable error code. Each service declares its own codes in an enum implementing this
 * interface; the code string is part of the public API and never changes once released.
 */
public interface ErrorCode {

    /** The code as clients see it, e.g. {@code UNIT_NOT_FOUND}. */
    String code();

    /** The HTTP status the code is answered with. */
    int status();

    /** A short, human-readable summary that does not vary between occurrences. */
    String title();

    /** A service's own code, declared as a constant: {@code ErrorCode.of("UNIT_NOT_FOUND", 404, "Unit not found")}. */
    static ErrorCode of(String code, int status, String title) {
        return new Defined(code, status, title);
    }

    /** The plain implementation behind {@link #of}. */
    record Defined(String code, int status, String title) implements ErrorCode {}
}
