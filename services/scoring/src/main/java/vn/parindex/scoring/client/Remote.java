package vn.parindex.scoring.client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;

/** What the three clients share: 404 as an empty answer, and every failure of the other side as a 503. */
final class Remote {

    private Remote() {}

    /** Runs {@code request}; a 404 answer becomes {@link Optional#empty()}. */
    static <T> Supplier<Optional<T>> notFoundAsEmpty(Supplier<T> request) {
        return () -> {
            try {
                return Optional.ofNullable(request.get());
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }

    /** Runs a guarded call, turning timeouts, open circuits, connection errors and 5xx into {@code code}. */
    static <T> T call(Supplier<T> guarded, ErrorCode code, String service) {
        // A call may take its full timeout (with retries, tens of seconds): inside a transaction it would hold a
        // database connection all that time. Use cases fetch first, then store in one short transaction; the
        // tests run with assertions on, so any path that breaks the rule fails them.
        assert !QuarkusTransaction.isActive() : service + " called inside a transaction";
        try {
            return guarded.get();
        } catch (TimeoutException | CircuitBreakerOpenException | ProcessingException | WebApplicationException e) {
            throw new ApiException(code, service + " " + why(e) + "; try again shortly");
        }
    }

    /** Why a dependency failed, in words (never the exception's class). */
    static String why(Exception e) {
        return switch (e) {
            case TimeoutException t -> "did not answer in time";
            case CircuitBreakerOpenException o -> "failed repeatedly and is given a few seconds' rest";
            case ProcessingException p -> "could not be reached";
            case WebApplicationException w ->
                "answered with status " + w.getResponse().getStatus();
            default -> "did not answer usably";
        };
    }
}
