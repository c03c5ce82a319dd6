package dev.outpost.gateway.bindings.r2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.runtime.bindings.r2.R2BindingException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** R2-11: how r2-service's gRPC failures reach the worker as R2 codes and texts. */
class R2FailuresTest {

    @Test
    void theServiceCodeAndBareTextAreKept() {
        R2BindingException e = R2Failures.describe(OutpostErrors.error(Status.Code.NOT_FOUND, "10024",
                "The specified multipart upload does not exist. (10024)"));
        assertEquals(10024, e.code());
        assertEquals("The specified multipart upload does not exist.", e.getMessage());
    }

    @Test
    void aWrappedFailureIsFoundBehindCompletionExceptions() {
        R2BindingException inner = new R2BindingException(10039, "The requested range is not satisfiable");
        assertSame(inner, R2Failures.describe(new CompletionException(inner)));
        R2BindingException fromStatus = R2Failures.describe(new CompletionException(
                OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "10037", "Bad digest (10037)")));
        assertEquals(10037, fromStatus.code());
        assertEquals("Bad digest", fromStatus.getMessage());
    }

    @Test
    void transportFailuresAreInternalErrorsThatSayWhatHappened() {
        R2BindingException e = R2Failures.describe(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        assertEquals(10001, e.code());
        assertEquals("Network connection lost. (R2 service unavailable: io exception)", e.getMessage());
        assertEquals(10001, R2Failures.describe(new io.smallrye.mutiny.TimeoutException()).code());
    }
}
