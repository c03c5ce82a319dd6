package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.BulkDeleteRequest;
import dev.outpost.contracts.kv.v1.BulkPutRequest;
import dev.outpost.contracts.kv.v1.BulkResponse;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.KeyValue;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KV-10 bulk calls on the control-plane port (wrangler's one base URL: {@code wrangler kv bulk put|delete|get}),
 * delegated to kv-service's BulkPut, BulkDelete and GetMany. Limits and their messages (10,000 keys per write,
 * 1..100 per get, sizes) are kv-service's; this class only translates the JSON bodies.
 */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class KvBulkResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KvService kv;

    public KvBulkResource(@GrpcClient("kv") KvService kv) {
        this.kv = kv;
    }

    /** {@code [{key, value, expiration?, expiration_ttl?, metadata?, base64?}]} → {@code {successful_key_count, unsuccessful_keys}}. */
    @PUT
    public Uni<Envelope<Map<String, Object>>> put(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        JsonNode items = array(body);
        BulkPutRequest.Builder bulk = BulkPutRequest.newBuilder().setNs(ref(accountId, ns));
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
            bulk.addEntries(PutRequest.newBuilder().setKey(item.get("key").asText()).setValue(ByteString.copyFrom(value))
                    .setExpiration(number(item, "expiration", i)).setExpirationTtl(number(item, "expiration_ttl", i))
                    .setMetadataJson(metadata == null || metadata.isNull() ? "" : metadata.toString()));
        }
        return kv.bulkPut(bulk.build()).onFailure().transform(ServiceErrors::kv).map(KvBulkResource::result);
    }

    /** {@code ["key", ...]} → {@code {successful_key_count, unsuccessful_keys}}. */
    @POST
    @Path("/delete")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        return kv.bulkDelete(BulkDeleteRequest.newBuilder().setNs(ref(accountId, ns)).addAllKeys(keys(array(body))).build())
                .onFailure().transform(ServiceErrors::kv).map(KvBulkResource::result);
    }

    /** The legacy form wrangler still uses for {@code kv bulk delete}: same body and answer. */
    @DELETE
    public Uni<Envelope<Map<String, Object>>> legacyDelete(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        return delete(accountId, ns, body, request);
    }

    /**
     * {@code {keys (1..100), type: "text"|"json", withMetadata}} → {@code {values: {key: value|null}}}, or with
     * metadata {@code {key: {value, metadata, expiration?}|null}}.
     */
    @POST
    @Path("/get")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        JsonNode query = parse(body);
        if (!query.isObject() || !query.path("keys").isArray()) {
            throw bad("body must be an object with a \"keys\" array");
        }
        String type = query.path("type").asText("text");
        if (!type.equals("text") && !type.equals("json")) {
            throw bad("\"" + type + "\" is not a valid type. Use \"json\" or \"text\"");
        }
        boolean withMetadata = query.path("withMetadata").asBoolean(false);
        List<String> keys = keys(query.get("keys"));
        return kv.getMany(GetManyRequest.newBuilder().setNs(ref(accountId, ns)).addAllKeys(keys).build())
                .onFailure().transform(ServiceErrors::kv).map(r -> {
                    ObjectNode values = JSON.createObjectNode();
                    for (int i = 0; i < r.getEntriesCount(); i++) {
                        KeyValue entry = r.getEntries(i);
                        String key = entry.getKey().isEmpty() && i < keys.size() ? keys.get(i) : entry.getKey();
                        if (!entry.getFound()) {
                            values.putNull(key);
                            continue;
                        }
                        JsonNode value = value(entry.getValue().toStringUtf8(), type, key);
                        if (!withMetadata) {
                            values.set(key, value);
                            continue;
                        }
                        ObjectNode item = values.putObject(key);
                        item.set("value", value);
                        JsonNode metadata = entry.getMetadataJson().isEmpty() ? null : parse(entry.getMetadataJson());
                        item.set("metadata", metadata == null ? JSON.nullNode() : metadata);
                        if (entry.getExpiration() != 0) {
                            item.put("expiration", entry.getExpiration());
                        }
                    }
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("values", values);
                    return Envelope.ok(result);
                });
    }

    private static Envelope<Map<String, Object>> result(BulkResponse r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("successful_key_count", r.getSuccessfulKeyCount());
        result.put("unsuccessful_keys", r.getUnsuccessfulKeysList());
        return Envelope.ok(result);
    }

    private static JsonNode value(String text, String type, String key) {
        if (type.equals("text")) {
            return JSON.getNodeFactory().textNode(text);
        }
        try {
            return JSON.readTree(text);
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
                // reported below
            }
        }
        throw bad("item " + index + ": " + field + " must be an integer");
    }

    private static JsonNode array(String body) {
        JsonNode node = parse(body);
        if (!node.isArray()) {
            throw bad("body must be a JSON array");
        }
        return node;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw bad("request body is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("request body is not valid JSON");
        }
    }

    private static NamespaceRef ref(String accountId, String ns) {
        return NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId)).setNamespaceId(ns).build();
    }

    private static ApiException bad(String message) {
        return new ApiException(ApiError.BAD_REQUEST, message);
    }
}
