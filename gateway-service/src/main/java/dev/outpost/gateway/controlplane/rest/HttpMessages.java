package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queue messages as Cloudflare's HTTP API spells them. Published: {@code {body, content_type?,
 * delay_seconds?}} where {@code json} (the default) takes any JSON value, {@code text} a string and {@code bytes} a
 * base64 string; {@code v8} cannot be written over HTTP. Pulled: {@code text} bodies as the string, {@code json} and
 * {@code bytes} base64-encoded, with {@code CF-Content-Type} and {@code CF-sourceMessageSource} metadata.
 */
final class HttpMessages {
    private HttpMessages() {
    }

    static OutgoingMessage outgoing(JsonNode m, String where) {
        JsonNode body = m.get("body");
        if (body == null) {
            throw bad(where + "body is required");
        }
        String type = JsonBodies.text(m, "content_type") == null ? "json" : JsonBodies.text(m, "content_type");
        OutgoingMessage.Builder out = OutgoingMessage.newBuilder().setSource("api");
        switch (type) {
            case "json" -> out.setContentType(ContentType.CONTENT_TYPE_JSON)
                    .setBody(ByteString.copyFromUtf8(body.toString()));
            case "text" -> {
                if (!body.isTextual()) {
                    throw bad(where + "body must be a string for content_type \"text\"");
                }
                out.setContentType(ContentType.CONTENT_TYPE_TEXT).setBody(ByteString.copyFromUtf8(body.asText()));
            }
            case "bytes" -> {
                if (!body.isTextual()) {
                    throw bad(where + "body must be a base64 string for content_type \"bytes\"");
                }
                try {
                    out.setContentType(ContentType.CONTENT_TYPE_BYTES)
                            .setBody(ByteString.copyFrom(Base64.getDecoder().decode(body.asText())));
                } catch (IllegalArgumentException e) {
                    throw bad(where + "body is not valid base64 for content_type \"bytes\"");
                }
            }
            case "v8" -> throw bad(where + "content_type \"v8\" can only be sent by a worker's queue binding");
            default -> throw bad(where + "content_type must be \"json\", \"text\" or \"bytes\", got '" + type + "'");
        }
        Integer delay = integer(m, "delay_seconds", where);
        if (delay != null) {
            out.setDelaySeconds(delay);
        }
        return out.build();
    }

    static Map<String, Object> pulled(DeliveredMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.getId());
        out.put("body", m.getContentType() == ContentType.CONTENT_TYPE_TEXT ? m.getBody().toString(StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(m.getBody().toByteArray()));
        out.put("timestamp_ms", m.getTimestampMs());
        out.put("attempts", m.getAttempts());
        out.put("lease_id", m.getLeaseId());
        out.put("metadata", Map.of("CF-Content-Type", contentType(m.getContentType()),
                "CF-sourceMessageSource", m.getSource().isEmpty() ? "worker" : m.getSource()));
        return out;
    }

    static String contentType(ContentType t) {
        return switch (t) {
            case CONTENT_TYPE_TEXT -> "text";
            case CONTENT_TYPE_BYTES -> "bytes";
            case CONTENT_TYPE_V8 -> "v8";
            default -> "json";
        };
    }

    /** An optional whole number; anything else is a 400. */
    static Integer integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw bad(where + field + " must be an integer");
        }
        return v.asInt();
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(field + " must be an integer (milliseconds)");
        }
        return v.asLong();
    }

    /** An optional array of objects. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad(field + " must be an array of {lease_id}");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    static String leaseId(JsonNode entry, String field) {
        String lease = entry.isObject() ? JsonBodies.text(entry, "lease_id") : null;
        if (lease == null) {
            throw bad("every entry of " + field + " needs a lease_id");
        }
        return lease;
    }

    private static ApiException bad(String message) {
        return new ApiException(ApiError.BAD_REQUEST, message);
    }
}
