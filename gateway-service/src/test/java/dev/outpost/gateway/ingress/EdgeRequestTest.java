package dev.outpost.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RT-9 header and request.cf rules (the untrusted default is also checked over sockets in
 * WorkerSurfaceTrafficTest): forged edge headers are dropped, a trusted proxy's are used.
 */
class EdgeRequestTest {

    private static MultiMap forged() {
        return MultiMap.caseInsensitiveMultiMap().add("Host", "w.example").add("CF-Connecting-IP", "6.6.6.6")
                .add("X-Forwarded-For", "203.0.113.9, 10.0.0.1").add("CF-IPCountry", "de").add("CF-Ray", "forged")
                .add("Accept-Encoding", "gzip");
    }

    private static List<String> values(EdgeRequest edge, String name) {
        return edge.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    @Test
    void untrustedClientsCannotForgeTheEdgeHeaders() {
        EdgeRequest edge = EdgeRequest.of(forged(), "192.0.2.1", null, false, HttpVersion.HTTP_1_1, "LCL", false, "ray-1");
        assertEquals("192.0.2.1", edge.clientIp());
        assertEquals(List.of("192.0.2.1"), values(edge, "cf-connecting-ip"));
        assertEquals(List.of("192.0.2.1"), values(edge, "x-forwarded-for"));
        assertEquals(List.of(), values(edge, "cf-ipcountry"));
        assertEquals(List.of("ray-1"), values(edge, "cf-ray"));
        assertEquals(List.of("w.example"), values(edge, "host"));
        assertTrue(edge.cfJson().startsWith("{\"colo\":\"LCL\",\"httpProtocol\":\"HTTP/1.1\",\"tlsVersion\":\"\","
                + "\"tlsCipher\":\"\",\"clientAcceptEncoding\":\"gzip\","), edge.cfJson());
        assertFalse(edge.cfJson().contains("country"), edge.cfJson());
    }

    @Test
    void aTrustedProxysClientAddressAndCountryAreUsed() {
        EdgeRequest edge = EdgeRequest.of(forged().remove("CF-Connecting-IP"), "10.0.0.2", null, false,
                HttpVersion.HTTP_2, "AMS", true, "ray-2");
        assertEquals("203.0.113.9", edge.clientIp());
        assertEquals(List.of("203.0.113.9"), values(edge, "cf-connecting-ip"));
        assertEquals(List.of("203.0.113.9, 10.0.0.1, 10.0.0.2"), values(edge, "x-forwarded-for"));
        assertEquals(List.of("DE"), values(edge, "cf-ipcountry"));
        assertEquals(List.of("ray-2"), values(edge, "cf-ray"));
        assertTrue(edge.cfJson().contains("\"colo\":\"AMS\",\"httpProtocol\":\"HTTP/2\""), edge.cfJson());
        assertTrue(edge.cfJson().contains("\"country\":\"DE\",\"isEUCountry\":\"1\""), edge.cfJson());
        EdgeRequest direct = EdgeRequest.of(forged(), "10.0.0.2", null, false, HttpVersion.HTTP_1_1, "AMS", true, "r");
        assertEquals("6.6.6.6", direct.clientIp(), "the proxy's CF-Connecting-IP wins over X-Forwarded-For");
    }
}
