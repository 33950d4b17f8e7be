package vn.parindex.common.api.client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;

/**
 * Another ParIndex service as seen by its caller: the one way a service calls another. A client bean holds one per
 * dependency and wraps its MicroProfile REST Client interface's calls in {@link #read} or {@link #find}, which give
 * every call:
 *
 * <ul>
 *   <li>a timeout ({@link RemoteSettings#timeout()});
 *   <li>one retry of a read that failed on the dependency's side;
 *   <li>a circuit breaker of its own that counts only the dependency's failures (5xx, no connection, timeout): a
 *       4xx is an answer, not a failure, so callers sending bad codes cannot open it for everyone;
 *   <li>404, or 400 (a key the dependency says nothing can have), as {@link Optional#empty()} ({@link #find});
 *   <li>every failure of the dependency as a 503 problem with the caller's code (such as {@code
 *       REGISTRY_UNAVAILABLE}) and a detail naming the service in words, never an exception class.
 * </ul>
 *
 * A call may take its full timeout (twice, with the retry): inside a database transaction it would hold a connection
 * all that time. Use cases fetch first, then store in one short transaction; with assertions on (the tests), a call
 * inside a transaction fails.
 *
 * <p>Uses SmallRye Fault Tolerance's programmatic {@link Guard}, so the thresholds come from configuration rather
 * than annotation constants; a service using this class declares {@code quarkus-smallrye-fault-tolerance} and a REST
 * client (api-common only compiles against them).
 */
public final class RemoteService {

    /** Runs a call under the dependency's timeout, retry and circuit breaker. */
    @FunctionalInterface
    interface Guarded {
        <T> T run(Supplier<T> call);
    }

    private final String name;
    private final ErrorCode unavailable;
    private final Guarded guarded;
    private final BooleanSupplier inTransaction;

    RemoteService(String name, ErrorCode unavailable, Guarded guarded, BooleanSupplier inTransaction) {
        this.name = name;
        this.unavailable = unavailable;
        this.guarded = guarded;
        this.inTransaction = inTransaction;
    }

    /**
     * A dependency called {@code name} in problem details ("The unit registry"), whose failures answer {@code
     * unavailable} (a 503 code of the calling service).
     */
    public static RemoteService of(String name, ErrorCode unavailable, RemoteSettings settings) {
        if (unavailable.status() != 503) {
            throw new IllegalArgumentException(unavailable.code() + " must be a 503 code");
        }
        Guard guard = Guard.create()
                .withDescription(name)
                .withTimeout()
                .duration(settings.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withRetry()
                .maxRetries(settings.readRetries())
                .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .whenException(RemoteService::isDependencyFailure)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.breaker().requestVolume())
                .failureRatio(settings.breaker().failureRatio())
                .delay(settings.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .when(RemoteService::isDependencyFailure)
                .done()
                .build();
        return new RemoteService(
                name,
                unavailable,
                new Guarded() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T run(Supplier<T> call) {
                        return (T) guard.get((Supplier<Object>) call, Object.class);
                    }
                },
                QuarkusTransaction::isActive);
    }

    /** The dependency's name as problem details give it. */
    public String name() {
        return name;
    }

    /** An idempotent read; its answer, or a 503 problem when the dependency fails (a 404 included). */
    public <T> T read(Supplier<T> request) {
        return call(request);
    }

    /**
     * An idempotent read of one thing by its key; empty when the dependency answers 404, or 400 (it refuses the key's
     * shape: no such thing, as the services check codes more loosely than their owner), a 503 problem when it fails.
     */
    public <T> Optional<T> find(Supplier<T> request) {
        return call(() -> {
            try {
                return Optional.ofNullable(request.get());
            } catch (WebApplicationException e) {
                if (status(e) == 404 || status(e) == 400) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private <T> T call(Supplier<T> request) {
        assert !inTransaction.getAsBoolean() : name + " called inside a transaction";
        try {
            return guarded.run(request);
        } catch (TimeoutException | CircuitBreakerOpenException | ProcessingException | WebApplicationException e) {
            throw unavailable(e);
        }
    }

    /** The 503 problem for a failure of the dependency: its name and what went wrong, in words. */
    ApiException unavailable(RuntimeException e) {
        return new ApiException(unavailable, name + " " + why(e) + "; try again shortly");
    }

    /**
     * Whether {@code e} is the dependency's failure, counted by the circuit breaker: a 5xx, no connection, a
     * timeout. A 4xx answer (a question the dependency refused) and a problem of the caller's own are not. The same
     * test decides whether a read is tried once more (an open breaker is not: it is no failure of this call).
     */
    static boolean isDependencyFailure(Throwable e) {
        return switch (e) {
            case WebApplicationException w -> status(w) >= 500;
            case ProcessingException p -> true;
            case TimeoutException t -> true;
            default -> false;
        };
    }

    /** Why the dependency failed, in words (never the exception's class). */
    static String why(Exception e) {
        return switch (e) {
            case TimeoutException t -> "did not answer in time";
            case CircuitBreakerOpenException o -> "failed repeatedly and is given a few seconds' rest";
            case WebApplicationException w -> "answered with status " + status(w);
            case ProcessingException p -> "could not be reached";
            default -> "did not answer usably";
        };
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 500 : e.getResponse().getStatus();
    }
}
