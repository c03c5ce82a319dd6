package dev.outpost.localstack;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentTest {
    @Test
    void parseAcceptsIdsEnumNamesAndAliases() {
        assertEquals(Component.KV, Component.parse("kv-service"));
        assertEquals(Component.KV, Component.parse("KV"));
        assertEquals(Component.DURABLE_OBJECT, Component.parse("durable_object"));
        assertEquals(Component.DURABLE_OBJECT, Component.parse("do"));
        assertEquals(Component.POSTGRES, Component.parse("pg"));
        assertEquals(Component.GATEWAY, Component.parse("gateway"));
    }

    @Test
    void parseRejectsUnknownNamesListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Component.parse("redis"));
        assertTrue(e.getMessage().contains("redis") && e.getMessage().contains("gateway-service"), e.getMessage());
    }

    @Test
    void requirementsArePulledIn() {
        assertEquals(EnumSet.of(Component.R2, Component.S3, Component.QUEUE, Component.KAFKA),
                Component.withRequirements(EnumSet.of(Component.R2, Component.QUEUE)));
        assertEquals(EnumSet.of(Component.GATEWAY, Component.POSTGRES), Component.withRequirements(EnumSet.of(Component.GATEWAY)));
        assertEquals(EnumSet.of(Component.KV), Component.withRequirements(EnumSet.of(Component.KV)));
    }

    @Test
    void backingServersComeBeforeServicesInStartOrder() {
        boolean seenService = false;
        for (Component c : Component.values()) {
            if (c.isService()) {
                seenService = true;
            } else {
                assertTrue(!seenService, c + " is a backing server declared after a service");
            }
        }
    }
}
