package dev.outpost.contracts.d1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** D1-15 timestamps as both D1 REST APIs read them. */
class TimeTravelTimesTest {
    @Test
    void rfc3339SecondsAndMillisecondsAreRead() {
        assertEquals(1_704_067_200_000L, TimeTravelTimes.epochMillis("2024-01-01T00:00:00Z"));
        assertEquals(1_704_067_200_000L, TimeTravelTimes.epochMillis("1704067200"));
        assertEquals(1_704_067_200_123L, TimeTravelTimes.epochMillis(" 1704067200123 "));
    }

    @Test
    void anythingElseIsRefusedWithTheApiMessage() {
        assertEquals("timestamp must be RFC 3339 (e.g. 2024-01-01T00:00:00Z) or epoch seconds: yesterday",
                assertThrows(IllegalArgumentException.class, () -> TimeTravelTimes.epochMillis("yesterday")).getMessage());
    }
}
