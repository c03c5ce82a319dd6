package dev.outpost.gateway.controlplane.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Q-9 message bodies over HTTP: what a publish stores for each content type, and how a pull shows it. */
class HttpMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void publishedBodiesAreEncodedForTheirContentType() throws Exception {
        OutgoingMessage json = HttpMessages.outgoing(json("{\"body\":{\"n\":1},\"delay_seconds\":3}"), "");
        assertEquals(ContentType.CONTENT_TYPE_JSON, json.getContentType());
        assertEquals("{\"n\":1}", json.getBody().toStringUtf8());
        assertEquals(3, json.getDelaySeconds());
        assertEquals("api", json.getSource());
        OutgoingMessage text = HttpMessages.outgoing(json("{\"body\":\"hi\",\"content_type\":\"text\"}"), "");
        assertEquals("hi", text.getBody().toStringUtf8());
        assertFalse(text.hasDelaySeconds(), "no delay: the queue's applies");
        OutgoingMessage bytes = HttpMessages.outgoing(json("{\"body\":\"AQID\",\"content_type\":\"bytes\"}"), "");
        assertEquals(ByteString.copyFrom(new byte[] {1, 2, 3}), bytes.getBody());
    }

    @Test
    void badPublishedMessagesAreRefusedWithTheFieldNamed() {
        Map<String, String> refused = Map.of(
                "{}", "body is required",
                "{\"body\":1,\"content_type\":\"text\"}", "must be a string",
                "{\"body\":\"%%\",\"content_type\":\"bytes\"}", "not valid base64",
                "{\"body\":\"x\",\"content_type\":\"v8\"}", "v8",
                "{\"body\":\"x\",\"content_type\":\"xml\"}", "content_type must be",
                "{\"body\":\"x\",\"delay_seconds\":1.5}", "delay_seconds must be an integer");
        refused.forEach((body, says) -> {
            ApiException e = assertThrows(ApiException.class, () -> HttpMessages.outgoing(json(body), "messages[0]."));
            assertTrue(e.getMessage().contains(says), body + " -> " + e.getMessage());
        });
    }

    @Test
    void pulledBodiesAreTextOrBase64WithCloudflareMetadata() {
        DeliveredMessage text = DeliveredMessage.newBuilder().setId("a").setBody(ByteString.copyFromUtf8("hi"))
                .setContentType(ContentType.CONTENT_TYPE_TEXT).setAttempts(2).setLeaseId("a.l").setTimestampMs(5).build();
        Map<String, Object> out = HttpMessages.pulled(text);
        assertEquals("hi", out.get("body"));
        assertEquals(2, out.get("attempts"));
        assertEquals(Map.of("CF-Content-Type", "text", "CF-sourceMessageSource", "worker"), out.get("metadata"));
        DeliveredMessage json = text.toBuilder().setContentType(ContentType.CONTENT_TYPE_JSON)
                .setBody(ByteString.copyFromUtf8("{\"n\":1}")).setSource("api").build();
        Map<String, Object> pulled = HttpMessages.pulled(json);
        assertEquals("eyJuIjoxfQ==", pulled.get("body"));
        assertEquals(Map.of("CF-Content-Type", "json", "CF-sourceMessageSource", "api"), pulled.get("metadata"));
    }
}
