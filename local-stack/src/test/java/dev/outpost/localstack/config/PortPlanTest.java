package dev.outpost.localstack.config;

import dev.outpost.localstack.Component;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortPlanTest {
    @Test
    void defaultsWithoutOffset() {
        PortPlan p = new PortPlan(0);
        assertEquals(8080, p.port(Component.GATEWAY));
        assertEquals(8081, p.port(Component.KV));
        assertEquals(8082, p.port(Component.R2));
        assertEquals(8083, p.port(Component.D1));
        assertEquals(8084, p.port(Component.DURABLE_OBJECT));
        assertEquals(8085, p.port(Component.QUEUE));
        assertEquals(54329, p.port(Component.POSTGRES));
        assertEquals(19092, p.port(Component.KAFKA));
        assertEquals(19093, p.kafkaControllerPort());
        assertEquals(19000, p.port(Component.S3));
        assertEquals(8787, p.workerPort());
        assertEquals("http://127.0.0.1:8080/client/v4", p.apiBaseUrl());
        assertEquals("http://hello.localhost:8787/", p.workerUrl("hello"));
    }

    @Test
    void offsetMovesEveryPort() {
        PortPlan p = new PortPlan(1000);
        assertEquals(9080, p.port(Component.GATEWAY));
        assertEquals(55329, p.port(Component.POSTGRES));
        assertEquals(20093, p.kafkaControllerPort());
        assertEquals(9787, p.workerPort());
        assertEquals(List.of(9080, 9787), p.listeningPorts(Component.GATEWAY));
        assertEquals(List.of(20092, 20093), p.listeningPorts(Component.KAFKA));
        assertEquals("http://127.0.0.1:9082", p.baseUrl(Component.R2));
    }

    @Test
    void offsetMustKeepEveryPortValid() {
        assertEquals(65535, new PortPlan(PortPlan.MAX_OFFSET).port(Component.POSTGRES));
        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class, () -> new PortPlan(PortPlan.MAX_OFFSET + 1));
        assertTrue(tooHigh.getMessage().contains("65536"), tooHigh.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PortPlan(-1));
    }

    @Test
    void parseReadsTheEnvironmentValue() {
        assertEquals(0, PortPlan.parse(null).offset());
        assertEquals(0, PortPlan.parse(" ").offset());
        assertEquals(200, PortPlan.parse(" 200 ").offset());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortPlan.parse("ten"));
        assertTrue(e.getMessage().contains("'ten'"), e.getMessage());
    }
}
