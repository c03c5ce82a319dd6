package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KeyInfo;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * KV keys on the control-plane port (KV-10), delegated to kv-service over gRPC, so that wrangler (one base URL)
 * can {@code kv key put/get/list/delete}. Values travel raw (GET answers the bytes, unenveloped; PUT takes the
 * raw body or a multipart form with {@code value} and {@code metadata}).
 */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces/{namespace_id}")
@Produces(MediaType.APPLICATION_JSON)
public class KvValuesResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KvService kv;

    public KvValuesResource(@GrpcClient("kv") KvService kv) {
        this.kv = kv;
    }

    @GET
    @Path("/values/{key: .+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Uni<Response> get(@PathParam("account_id") String accountId, @PathParam("namespace_id") String ns,
            @PathParam("key") String key, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        return kv.get(GetRequest.newBuilder().setNs(ref(accountId, ns)).setKey(key).build()).onFailure().transform(ServiceErrors::kv).map(r -> {
            if (!r.getFound()) {
                throw new ApiException(ApiError.KV_KEY_NOT_FOUND, "key not found");
            }
            Response.ResponseBuilder out = Response.ok(r.getValue().toByteArray(), MediaType.APPLICATION_OCTET_STREAM_TYPE);
            if (r.getExpiration() != 0) {
                out.header("expiration", r.getExpiration());
            }
            return out.build();
        });
    }

    @GET
    @Path("/metadata/{key: .+}")
    public Uni<Envelope<JsonNode>> metadata(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, @PathParam("key") String key, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        return kv.get(GetRequest.newBuilder().setNs(ref(accountId, ns)).setKey(key).build()).onFailure().transform(ServiceErrors::kv).map(r -> {
            if (!r.getFound()) {
                throw new ApiException(ApiError.KV_KEY_NOT_FOUND, "key not found");
            }
            return Envelope.ok(json(r.getMetadataJson()));
        });
    }

    @PUT
    @Path("/values/{key: .+}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Envelope<Object>> putForm(@PathParam("account_id") String accountId, @PathParam("namespace_id") String ns,
            @PathParam("key") String key, @QueryParam("expiration") String expiration,
            @QueryParam("expiration_ttl") String ttl, MultipartFormDataInput form, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        byte[] value = field(form, "value");
        if (value == null) {
            throw new ApiException(ApiError.BAD_REQUEST, "multipart body needs a \"value\" field");
        }
        byte[] metadata = field(form, "metadata");
        String metadataJson = "";
        if (metadata != null && metadata.length > 0) {
            JsonNode parsed = json(new String(metadata, StandardCharsets.UTF_8));
            if (parsed == null) {
                throw new ApiException(ApiError.BAD_REQUEST, "metadata must be JSON text");
            }
            metadataJson = parsed.toString();
        }
        return put(accountId, ns, key, value, expiration, ttl, metadataJson);
    }

    @PUT
    @Path("/values/{key: .+}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Object>> putRaw(@PathParam("account_id") String accountId, @PathParam("namespace_id") String ns,
            @PathParam("key") String key, @QueryParam("expiration") String expiration,
            @QueryParam("expiration_ttl") String ttl, byte[] body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        return put(accountId, ns, key, body == null ? new byte[0] : body, expiration, ttl, "");
    }

    @DELETE
    @Path("/values/{key: .+}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId, @PathParam("namespace_id") String ns,
            @PathParam("key") String key, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        return kv.delete(DeleteRequest.newBuilder().setNs(ref(accountId, ns)).setKey(key).build()).onFailure().transform(ServiceErrors::kv).map(r -> Envelope.ok(null));
    }

    @GET
    @Path("/keys")
    public Uni<Envelope<List<Map<String, Object>>>> keys(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, @QueryParam("prefix") String prefix, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        ListRequest.Builder list = ListRequest.newBuilder().setNs(ref(accountId, ns)).setLimit((int) Math.min(Integer.MAX_VALUE, number("limit", limit)));
        if (prefix != null) {
            list.setPrefix(prefix);
        }
        if (cursor != null) {
            list.setCursor(cursor);
        }
        return kv.list(list.build()).onFailure().transform(ServiceErrors::kv).map(r -> {
            List<Map<String, Object>> keys = new ArrayList<>();
            for (KeyInfo k : r.getKeysList()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", k.getName());
                if (k.getExpiration() != 0) {
                    item.put("expiration", k.getExpiration());
                }
                JsonNode metadata = json(k.getMetadataJson());
                if (metadata != null) {
                    item.put("metadata", metadata);
                }
                keys.add(item);
            }
            return Envelope.ok(keys, new Envelope.ResultInfo(null, null, keys.size(), null,
                    r.getListComplete() ? "" : r.getCursor()));
        });
    }

    private Uni<Envelope<Object>> put(String accountId, String ns, String key, byte[] value, String expiration,
            String ttl, String metadataJson) {
        return kv.put(PutRequest.newBuilder().setNs(ref(accountId, ns)).setKey(key).setValue(ByteString.copyFrom(value))
                .setExpiration(number("expiration", expiration)).setExpirationTtl(number("expiration_ttl", ttl))
                .setMetadataJson(metadataJson).build()).onFailure().transform(ServiceErrors::kv).map(r -> Envelope.ok(null));
    }

    private static NamespaceRef ref(String accountId, String ns) {
        return NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId)).setNamespaceId(ns).build();
    }

    private static long number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ApiError.BAD_REQUEST, name + " must be an integer, got '" + raw + "'");
        }
    }

    private static JsonNode json(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isNull() ? null : node;
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] field(MultipartFormDataInput form, String name) {
        var values = form == null ? null : form.getValues().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        FormValue v = values.iterator().next();
        if (!v.isFileItem()) {
            return v.getValue().getBytes(StandardCharsets.UTF_8);
        }
        try (var in = v.getFileItem().getInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "could not read multipart field \"" + name + "\"");
        }
    }
}
