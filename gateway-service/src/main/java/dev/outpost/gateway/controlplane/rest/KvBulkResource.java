package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.KvBulkBodies;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KV-10 bulk calls on the control-plane port (wrangler's one base URL: {@code wrangler kv bulk put|delete|get}),
 * delegated to kv-service's BulkPut, BulkDelete and GetMany. Limits and their messages (10,000 keys per write,
 * 1..100 per get, sizes) are kv-service's; the bodies are read and written by {@link KvBulkBodies}, as kv-service's
 * own REST API reads them (a refused body is a 400 with its message, mapped by {@link ApiExceptionMapper}).
 */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class KvBulkResource {
    private final KvService kv;

    public KvBulkResource(@GrpcClient("kv") KvService kv) {
        this.kv = kv;
    }

    /** {@code [{key, value, expiration?, expiration_ttl?, metadata?, base64?}]} → {@code {successful_key_count, unsuccessful_keys}}. */
    @PUT
    public Uni<Envelope<Map<String, Object>>> put(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        BulkPutRequest.Builder bulk = BulkPutRequest.newBuilder().setNs(ref(accountId, ns));
        for (KvBulkBodies.PutItem item : KvBulkBodies.putItems(body)) {
            bulk.addEntries(PutRequest.newBuilder().setKey(item.key()).setValue(ByteString.copyFrom(item.value()))
                    .setExpiration(item.expiration()).setExpirationTtl(item.expirationTtl())
                    .setMetadataJson(item.metadataJson()));
        }
        return kv.bulkPut(bulk.build()).onFailure().transform(ServiceErrors::kv).map(KvBulkResource::result);
    }

    /** {@code ["key", ...]} → {@code {successful_key_count, unsuccessful_keys}}. */
    @POST
    @Path("/delete")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String ns, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        return kv.bulkDelete(BulkDeleteRequest.newBuilder().setNs(ref(accountId, ns))
                        .addAllKeys(KvBulkBodies.deleteKeys(body)).build())
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
        KvBulkBodies.GetQuery query = KvBulkBodies.getQuery(body);
        List<String> keys = query.keys();
        return kv.getMany(GetManyRequest.newBuilder().setNs(ref(accountId, ns)).addAllKeys(keys).build())
                .onFailure().transform(ServiceErrors::kv).map(r -> {
                    ObjectNode values = KvBulkBodies.values();
                    for (int i = 0; i < r.getEntriesCount(); i++) {
                        KeyValue entry = r.getEntries(i);
                        String key = entry.getKey().isEmpty() && i < keys.size() ? keys.get(i) : entry.getKey();
                        if (entry.getFound()) {
                            KvBulkBodies.found(values, query, key, entry.getValue().toByteArray(),
                                    entry.getMetadataJson(), entry.getExpiration());
                        } else {
                            KvBulkBodies.missing(values, key);
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

    private static NamespaceRef ref(String accountId, String ns) {
        return NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId)).setNamespaceId(ns).build();
    }
}
