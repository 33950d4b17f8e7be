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
}
