package dev.outpost.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class OutpostErrorsTest {

    @Test
    void codeAndMessageSurviveTheStatus() {
        StatusRuntimeException e = OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "KV_KEY_TOO_LONG",
                "UTF-8 encoded length of 513 exceeds key length limit of 512.");
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("KV_KEY_TOO_LONG", OutpostErrors.codeOf(e));
        assertEquals("UTF-8 encoded length of 513 exceeds key length limit of 512.", OutpostErrors.messageOf(e));
    }

    @Test
    void nonAsciiMessagesAreEscapedNotDropped() {
        StatusRuntimeException e = OutpostErrors.error(Status.Code.NOT_FOUND, "X", "clé\n");
        assertEquals("cl\\u00e9\\u000a", OutpostErrors.messageOf(e));
    }

    @Test
    void transportFailuresHaveNoCode() {
        StatusRuntimeException e = Status.UNAVAILABLE.withDescription("io").asRuntimeException();
        assertNull(OutpostErrors.codeOf(e));
        assertEquals("io", OutpostErrors.messageOf(e));
    }
}
