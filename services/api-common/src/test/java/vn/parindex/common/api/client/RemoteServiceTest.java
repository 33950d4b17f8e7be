package vn.parindex.common.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;

/**
 * What a caller sees of a dependency, without the fault-tolerance runtime: the guard is a pass-through here (the
 * services' tests run the real one against a stand-in that is down).
 */
class RemoteServiceTest {

    static final ErrorCode REGISTRY_UNAVAILABLE =
            ErrorCode.of("REGISTRY_UNAVAILABLE", 503, "The unit registry is unavailable");

    /** A Java class name in a text: a dotted lower-case path, or a word ending in Exception or Error. */
    static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Za-z]|\\w*(Exception|Error)\\b");

    private final RemoteService registry = new RemoteService(
            "The unit registry",
            REGISTRY_UNAVAILABLE,
            new RemoteService.Guarded() {
                @Override
                public <T> T run(Supplier<T> call) {
                    return call.get();
                }
            },
            () -> false);

    @Test
    void shouldAnswerEmptyForA404() {
        assertEquals(Optional.empty(), registry.find(() -> {
            throw new WebApplicationException(404);
        }));
        assertEquals(Optional.of("15"), registry.find(() -> "15"));
        // A key the dependency refuses as malformed names nothing either.
        assertEquals(Optional.empty(), registry.find(() -> {
            throw new WebApplicationException(400);
        }));
    }

    @Test
    void shouldAnswer503NamingTheServiceInWordsForEveryFailure() {
        for (RuntimeException failure : new RuntimeException[] {
            new WebApplicationException(500),
            new WebApplicationException(503),
            new WebApplicationException(400),
            new ProcessingException(new ConnectException("Connection refused")),
            new TimeoutException("Timeout[vn.parindex.X#guarded] timed out"),
            new CircuitBreakerOpenException("CircuitBreaker[vn.parindex.X#guarded] circuit breaker is open")
        }) {
            ApiException e = assertThrows(
                    ApiException.class,
                    () -> registry.read(() -> {
                        throw failure;
                    }));
            assertEquals(REGISTRY_UNAVAILABLE, e.errorCode());
            assertEquals(503, e.errorCode().status());
            String detail = e.getMessage();
            assertTrue(detail.startsWith("The unit registry "), detail);
            assertFalse(CLASS_NAME.matcher(detail).find(), "a class name in: " + detail);
        }
    }

    @Test
    void shouldSayWhatWentWrong() {
        assertEquals("did not answer in time", RemoteService.why(new TimeoutException()));
        assertEquals(
                "failed repeatedly and is given a few seconds' rest",
                RemoteService.why(new CircuitBreakerOpenException()));
        assertEquals("could not be reached", RemoteService.why(new ProcessingException("refused")));
        assertEquals("answered with status 502", RemoteService.why(new WebApplicationException(502)));
    }

    @Test
    void shouldCountOnlyTheDependencysFailuresAgainstItsBreaker() {
        assertTrue(RemoteService.isDependencyFailure(new WebApplicationException(500)));
        assertTrue(RemoteService.isDependencyFailure(new WebApplicationException(503)));
        assertTrue(RemoteService.isDependencyFailure(new ProcessingException("refused")));
        assertTrue(RemoteService.isDependencyFailure(new TimeoutException()));
        assertFalse(RemoteService.isDependencyFailure(new WebApplicationException(400)));
        assertFalse(RemoteService.isDependencyFailure(new WebApplicationException(404)));
        assertFalse(RemoteService.isDependencyFailure(new WebApplicationException(409)));
        assertFalse(RemoteService.isDependencyFailure(new CircuitBreakerOpenException()));
        assertFalse(RemoteService.isDependencyFailure(new ApiException(REGISTRY_UNAVAILABLE, "x")));
        assertFalse(RemoteService.isDependencyFailure(new IllegalStateException("a bug of the caller")));
    }

    @Test
    void shouldLetTheCallersOwnProblemsThrough() {
        ApiException own = new ApiException(REGISTRY_UNAVAILABLE, "own");
        assertEquals(
                own,
                assertThrows(
                        ApiException.class,
                        () -> registry.read(() -> {
                            throw own;
                        })));
    }

    @Test
    void shouldRefuseACallInsideATransaction() {
        AtomicInteger calls = new AtomicInteger();
        RemoteService inside = new RemoteService(
                "The unit registry",
                REGISTRY_UNAVAILABLE,
                new RemoteService.Guarded() {
                    @Override
                    public <T> T run(Supplier<T> call) {
                        calls.incrementAndGet();
                        return call.get();
                    }
                },
                () -> true);
        AssertionError e = assertThrows(AssertionError.class, () -> inside.read(() -> "15"));
        assertEquals("The unit registry called inside a transaction", e.getMessage());
        assertEquals(0, calls.get());
    }

    @Test
    void shouldRefuseAnUnavailableCodeThatIsNot503() {
        ErrorCode notFound = ErrorCode.of("UNIT_NOT_FOUND", 404, "Unit not found");
        assertThrows(IllegalArgumentException.class, () -> RemoteService.of("The unit registry", notFound, null));
    }
}
