package vn.parindex.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.gateway.proxy.RetryPolicy.Failure.BROKEN_AFTER_SEND;
import static vn.parindex.gateway.proxy.RetryPolicy.Failure.NOT_SENT;
import static vn.parindex.gateway.proxy.RetryPolicy.Failure.SILENT_AFTER_SEND;
import static vn.parindex.gateway.proxy.RetryPolicy.Outcome.RETRY_ELSEWHERE;
import static vn.parindex.gateway.proxy.RetryPolicy.Outcome.UNAVAILABLE;
import static vn.parindex.gateway.proxy.RetryPolicy.Outcome.WRITE_UNCONFIRMED;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void shouldCallReadsAndKeyedWritesIdempotent() {
        assertTrue(RetryPolicy.idempotent("GET", false));
        assertTrue(RetryPolicy.idempotent("head", false));
        assertTrue(RetryPolicy.idempotent("OPTIONS", false));
        assertFalse(RetryPolicy.idempotent("POST", false));
        assertFalse(RetryPolicy.idempotent("PUT", false));
        assertFalse(RetryPolicy.idempotent("DELETE", false));
        assertFalse(RetryPolicy.idempotent("PATCH", false));
        assertTrue(RetryPolicy.idempotent("POST", true));
        assertTrue(RetryPolicy.idempotent("PUT", true));
    }

    @Test
    void shouldSendARequestThatNeverWentOutToAnotherInstanceWhateverItsMethod() {
        assertEquals(RETRY_ELSEWHERE, RetryPolicy.decide(NOT_SENT, false, false, 0, true));
        assertEquals(RETRY_ELSEWHERE, RetryPolicy.decide(NOT_SENT, true, true, 0, true));
        // A refused connection after a broken one: still nothing of this attempt went out.
        assertEquals(RETRY_ELSEWHERE, RetryPolicy.decide(NOT_SENT, true, true, 1, true));
        assertEquals(UNAVAILABLE, RetryPolicy.decide(NOT_SENT, false, false, 0, false));
        assertEquals(UNAVAILABLE, RetryPolicy.decide(NOT_SENT, true, true, 0, false));
    }

    @Test
    void shouldRetryAnIdempotentRequestOnceAfterItsConnectionBroke() {
        assertEquals(RETRY_ELSEWHERE, RetryPolicy.decide(BROKEN_AFTER_SEND, true, true, 1, true));
        assertEquals(UNAVAILABLE, RetryPolicy.decide(BROKEN_AFTER_SEND, true, true, 2, true), "only once");
        assertEquals(UNAVAILABLE, RetryPolicy.decide(BROKEN_AFTER_SEND, true, true, 1, false), "no other instance");
        assertEquals(
                UNAVAILABLE, RetryPolicy.decide(BROKEN_AFTER_SEND, true, false, 1, true), "body too large to replay");
    }

    @Test
    void shouldNeverSendAWriteWithoutAKeyTwice() {
        assertEquals(WRITE_UNCONFIRMED, RetryPolicy.decide(BROKEN_AFTER_SEND, false, false, 1, true));
        assertEquals(WRITE_UNCONFIRMED, RetryPolicy.decide(BROKEN_AFTER_SEND, false, false, 1, false));
        assertEquals(WRITE_UNCONFIRMED, RetryPolicy.decide(SILENT_AFTER_SEND, false, false, 1, true));
    }

    @Test
    void shouldNotRetryAfterAServiceStayedSilentForItsTimeout() {
        assertEquals(UNAVAILABLE, RetryPolicy.decide(SILENT_AFTER_SEND, true, true, 1, true));
    }
}
