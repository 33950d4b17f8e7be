package vn.parindex.gateway.proxy;

import java.util.Locale;

/**
 * What the gateway does when an attempt of a request at one instance fails before any byte of an answer came back.
 * One definition, used by the edge for every request:
 *
 * <ul>
 *   <li><b>Never sent</b> (the connection was refused or could not be opened): nothing reached the service, so any
 *       request — a write too — goes to another instance not yet tried, if there is one.
 *   <li><b>Sent, then the connection broke</b> (the instance died or reset it): an idempotent request — {@code GET},
 *       {@code HEAD}, {@code OPTIONS}, or any write carrying an {@code Idempotency-Key} — is retried <b>once</b> on
 *       another instance, if its body could be kept for the replay. A write without a key is never sent twice: the
 *       first instance may have stored it before it died, so the client gets {@code 503 UPSTREAM_WRITE_UNCONFIRMED}
 *       and must look before it writes again.
 *   <li><b>Sent, then the service stayed silent</b> for its timeout: not retried (the wait is already spent, and a
 *       slow service is not a dead one); a read gets {@code 503 SERVICE_UNAVAILABLE}, a write without a key {@code
 *       503 UPSTREAM_WRITE_UNCONFIRMED}.
 * </ul>
 */
public final class RetryPolicy {

    /** What to do with the failed attempt. */
    public enum Outcome {
        /** Send the request to another instance. */
        RETRY_ELSEWHERE,
        /** Answer {@code 503 SERVICE_UNAVAILABLE}: the service did not do it. */
        UNAVAILABLE,
        /** Answer {@code 503 UPSTREAM_WRITE_UNCONFIRMED}: the write may or may not have been stored. */
        WRITE_UNCONFIRMED
    }

    /** How an attempt failed. */
    public enum Failure {
        /** No connection: nothing was sent. */
        NOT_SENT,
        /** The connection closed or reset after the request (or part of it) went out. */
        BROKEN_AFTER_SEND,
        /** The service did not answer within its timeout after the request went out. */
        SILENT_AFTER_SEND
    }

    private RetryPolicy() {}

    /** Methods that change nothing, or change the same thing however often they are sent (RFC 9110 §9.2.2). */
    public static boolean idempotent(String method, boolean hasIdempotencyKey) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> hasIdempotencyKey;
        };
    }

    /**
     * @param idempotent what {@link #idempotent} says of the request
     * @param replayable its head and whole body (so far) are kept, so it can be sent again (a request never sent
     *     still has them all)
     * @param sentAttempts attempts that went out and failed so far, this one included
     * @param anotherInstance an instance this request has not tried yet exists
     */
    public static Outcome decide(
            Failure failure, boolean idempotent, boolean replayable, int sentAttempts, boolean anotherInstance) {
        if (failure == Failure.NOT_SENT) {
            return anotherInstance ? Outcome.RETRY_ELSEWHERE : Outcome.UNAVAILABLE;
        }
        if (!idempotent) {
            return Outcome.WRITE_UNCONFIRMED;
        }
        if (failure == Failure.BROKEN_AFTER_SEND && replayable && sentAttempts <= 1 && anotherInstance) {
            return Outcome.RETRY_ELSEWHERE;
        }
        return Outcome.UNAVAILABLE;
    }
}
