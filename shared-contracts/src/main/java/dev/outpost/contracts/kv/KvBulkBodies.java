package dev.outpost.contracts.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON bodies of KV-10's bulk calls, read and written the same way by kv-service's REST API and the gateway's
 * (which forwards to kv-service over gRPC): {@code PUT /bulk}, {@code POST /bulk/delete} (and wrangler's legacy
 * {@code DELETE /bulk}), {@code POST /bulk/get}. Bodies are parsed from JSON trees so that a malformed item gets a
 * message naming it; every such refusal is a {@link BadBody}, which each API answers in its own error style. Limits
 * (key counts, sizes) are kv-service's, not checked here.
 */
public final class KvBulkBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KvBulkBodies() {
    }

    /** A refused body; the message says what is wrong and where. */
    public static final class BadBody extends RuntimeException {
        public BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** One item of a bulk write; 0 expiration/TTL and "" metadata mean none. */
    public record PutItem(String key, byte[] value, long expiration, long expirationTtl, String metadataJson) {
    }

    /** A bulk read: 1..100 keys (kv-service checks the count), "text" or "json", with or without metadata. */
    public record GetQuery(List<String> keys, String type, boolean withMetadata) {
    }

    /** {@code [{key, value, expiration?, expiration_ttl?, metadata?, base64?}]}. */
    public static List<PutItem> putItems(String body) {
        JsonNode items = array(body);
        List<PutItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path("key").isTextual() || !item.path("value").isTextual()) {
                throw new BadBody("item " + i + " must be an object with string \"key\" and \"value\"");
            }
            String text = item.get("value").asText();
            byte[] value;
            if (item.path("base64").asBoolean(false)) {
                try {
                    value = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new BadBody("item " + i + ": value is not valid base64");
                }
            } else {
                value = text.getBytes(StandardCharsets.UTF_8);
            }
            JsonNode metadata = item.get("metadata");
            out.add(new PutItem(item.get("key").asText(), value, number(item, "expiration", i),
                    number(item, "expiration_ttl", i), metadata == null || metadata.isNull() ? "" : metadata.toString()));
        }
        return out;
    }

    /** {@code ["key", ...]}. */
    public static List<String> deleteKeys(String body) {
        return keys(array(body));
    }

    /** {@code {keys, type: "text"|"json", withMetadata}}. */
    public static GetQuery getQuery(String body) {
        JsonNode query = parse(body);
        if (!query.isObject() || !query.path("keys").isArray()) {
            throw new BadBody("body must be an object with a \"keys\" array");
        }
        String type = query.path("type").asText("text");
        if (!type.equals("text") && !type.equals("json")) {
            throw new BadBody("\"" + type + "\" is not a valid type. Use \"json\" or \"text\"");
        }
        return new GetQuery(keys(query.get("keys")), type, query.path("withMetadata").asBoolean(false));
    }

    /** The {@code values} object of a bulk read's answer, filled by {@link #found} and {@link #missing}. */
    public static ObjectNode values() {
        return JSON.createObjectNode();
    }

    public static void missing(ObjectNode values, String key) {
        values.putNull(key);
    }

    /**
     * A found key: its value as text or parsed JSON; with metadata as {@code {value, metadata, expiration?}}
     * ({@code metadataJson} "" or null = none, {@code expiration} 0 = none).
     */
    public static void found(ObjectNode values, GetQuery query, String key, byte[] value, String metadataJson,
            long expiration) {
        JsonNode shown = value(new String(value, StandardCharsets.UTF_8), query.type(), key);
        if (!query.withMetadata()) {
            values.set(key, shown);
            return;
        }
        ObjectNode entry = values.putObject(key);
        entry.set("value", shown);
        entry.set("metadata", metadataJson == null || metadataJson.isEmpty() ? JSON.nullNode() : parse(metadataJson));
        if (expiration != 0) {
            entry.put("expiration", expiration);
        }
    }

    private static JsonNode value(String text, String type, String key) {
        if (type.equals("text")) {
            return JSON.getNodeFactory().textNode(text);
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadBody("the value of \"" + key + "\" is not valid JSON");
        }
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw new BadBody("key " + i + " must be a string");
            }
            keys.add(array.get(i).asText());
        }
        return keys;
    }

    private static long number(JsonNode item, String field, int index) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.canConvertToLong()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new BadBody("item " + index + ": " + field + " must be an integer");
    }

    private static JsonNode array(String body) {
        JsonNode node = parse(body);
        if (!node.isArray()) {
            throw new BadBody("body must be a JSON array");
        }
        return node;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadBody("request body is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadBody("request body is not valid JSON");
        }
    }
}
