package dev.outpost.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** DO-5/DO-15: how a failed call between services reads to a worker (message, .retryable, reconnect). */
class CallFailureTest {

    @Test
    void aServiceErrorKeepsItsMessageAndIsNotADrop() {
        var error = OutpostErrors.error(Status.Code.FAILED_PRECONDITION, "OBJECT_NOT_OWNED", "owned by shard 1");
        CallFailure failure = CallFailure.of(new CompletionException(error));
        assertSame(error, failure.cause());
        assertEquals("owned by shard 1", failure.message());
        assertFalse(failure.dropped());
        assertFalse(failure.retryable());
    }

    @Test
    void aDroppedConnectionIsRetryableAndAsksForAReconnect() {
        CallFailure unavailable = CallFailure.of(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        assertTrue(unavailable.dropped());
        assertTrue(unavailable.retryable());
        assertEquals("UNAVAILABLE: io exception", unavailable.message());
        CallFailure closed = CallFailure.of(Status.UNKNOWN.withDescription("channel closed").asRuntimeException());
        assertTrue(closed.dropped());
    }

    @Test
    void aDeadlineIsRetryableWithoutReconnecting() {
        CallFailure late = CallFailure.of(Status.DEADLINE_EXCEEDED.withDescription("after 5s").asRuntimeException());
        assertFalse(late.dropped());
        assertTrue(late.retryable());
        assertEquals("DEADLINE_EXCEEDED: after 5s", late.message());
    }

    @Test
    void aPlainExceptionReadsAsItsOwnMessage() {
        CallFailure plain = CallFailure.of(new IllegalStateException("boom"));
        assertEquals("boom", plain.message());
        assertFalse(plain.retryable());
    }
}
