package vn.parindex.launcher;

/** A failure the user can act on: the launcher prints the message alone, without a stack trace, and exits 1. */
public final class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
