package dev.outpost.kv.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;
import dev.outpost.kv.model.BulkResult;
import dev.outpost.kv.model.KeyLookup;
import dev.outpost.kv.model.PutEntry;
import dev.outpost.kv.service.KvStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The bulk endpoints of KV-10: {@code PUT /bulk} (write), {@code POST /bulk/delete} and the legacy
 * {@code DELETE /bulk} (wrangler's), {@code POST /bulk/get}. Bodies are parsed here from JSON trees so a malformed
 * item gets a clear 400 naming it rather than a generic mapping error; the rules (limits, all-or-nothing
 * validation) are {@link KvStore}'s.
 */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KvBulkResource {

    private final KvStore store;
    private final ObjectMapper json;

    public KvBulkResource(KvStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public record BulkJson(int successful_key_count, List<String> unsuccessful_keys) {
        static BulkJson of(BulkResult r) {
            return new BulkJson(r.successfulKeyCount(), r.unsuccessfulKeys());
        }
    }

    /** {@code [{key, value, expiration?, expiration_ttl?, metadata?, base64?}]}, at most 10,000. */
    @PUT
    public Envelope bulkPut(@RestPath("account_id") String account, @RestPath("namespace_id") String ns, String body) {
        JsonNode items = array(body);
        List<PutEntry> entries = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path("key").isTextual() || !item.path("value").isTextual()) {
                throw bad("item " + i + " must be an object with string \"key\" and \"value\"");
            }
            String text = item.get("value").asText();
            byte[] value;
            if (item.path("base64").asBoolean(false)) {
                try {
                    value = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw bad("item " + i + ": value is not valid base64");
                }
            } else {
                value = text.getBytes(StandardCharsets.UTF_8);
            }
            JsonNode metadata = item.get("metadata");
            entries.add(new PutEntry(item.get("key").asText(), value, number(item, "expiration", i),
                    number(item, "expiration_ttl", i),
                    metadata == null || metadata.isNull() ? "" : metadata.toString()));
        }
        return Envelope.ok(BulkJson.of(store.bulkPut(account, ns, entries)));
    }

    /** {@code ["key", ...]}, at most 10,000. */
    @POST
    @Path("delete")
    public Envelope bulkDelete(@RestPath("account_id") String account, @RestPath("namespace_id") String ns, String body) {
        return Envelope.ok(BulkJson.of(store.bulkDelete(account, ns, keys(array(body)))));
    }

    /** The legacy form wrangler uses: same body and answer as {@code POST /bulk/delete}. */
    @DELETE
    public Envelope legacyBulkDelete(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            String body) {
        return bulkDelete(account, ns, body);
    }

    /**
     * {@code {keys (1..100), type: "text"|"json", withMetadata}} → {@code {values: {key: value|null}}}, or with
     * metadata {@code {key: {value, metadata, expiration?}|null}}.
     */
    @POST
    @Path("get")
    public Envelope bulkGet(@RestPath("account_id") String account, @RestPath("namespace_id") String ns, String body) {
        JsonNode request = parse(body);
        if (!request.isObject() || !request.path("keys").isArray()) {
            throw bad("body must be an object with a \"keys\" array");
        }
        String type = request.path("type").asText("text");
        if (!type.equals("text") && !type.equals("json")) {
            throw bad("\"" + type + "\" is not a valid type. Use \"json\" or \"text\"");
        }
        boolean withMetadata = request.path("withMetadata").asBoolean(false);
        List<KeyLookup> found = store.getMany(account, ns, keys(request.get("keys")));
        ObjectNode values = json.createObjectNode();
        for (KeyLookup lookup : found) {
            if (!lookup.found()) {
                values.putNull(lookup.key());
                continue;
            }
            JsonNode value = value(lookup.value().value(), type, lookup.key());
            if (!withMetadata) {
                values.set(lookup.key(), value);
                continue;
            }
            ObjectNode entry = values.putObject(lookup.key());
            entry.set("value", value);
            String meta = lookup.value().metadataJson();
            entry.set("metadata", meta == null || meta.isEmpty() ? json.nullNode() : parse(meta));
            if (lookup.value().expiration() != 0) {
                entry.put("expiration", lookup.value().expiration());
            }
        }
        ObjectNode result = json.createObjectNode();
        result.set("values", values);
        return Envelope.ok(result);
    }

    private JsonNode value(byte[] bytes, String type, String key) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (type.equals("text")) {
            return json.getNodeFactory().textNode(text);
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad("the value of \"" + key + "\" is not valid JSON");
        }
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw bad("key " + i + " must be a string");
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
                // fall through
            }
        }
        throw bad("item " + index + ": " + field + " must be an integer");
    }

    private JsonNode array(String body) {
        JsonNode node = parse(body);
        if (!node.isArray()) {
            throw bad("body must be a JSON array");
        }
        return node;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw bad("request body is empty");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("request body is not valid JSON");
        }
    }

    private static KvException bad(String message) {
        return new KvException(KvError.BAD_REQUEST, message);
    }
}
