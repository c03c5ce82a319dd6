package dev.outpost.kv.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.contracts.kv.KvBulkBodies;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The bulk endpoints of KV-10: {@code PUT /bulk} (write), {@code POST /bulk/delete} and the legacy
 * {@code DELETE /bulk} (wrangler's), {@code POST /bulk/get}. Bodies are read by {@link KvBulkBodies} (shared with
 * the gateway's copy of this API), so a malformed item gets a clear 400 naming it ({@link RestErrors}); the rules
 * (limits, all-or-nothing validation) are {@link KvStore}'s.
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
        List<PutEntry> entries = KvBulkBodies.putItems(body).stream().map(i -> new PutEntry(i.key(), i.value(),
                i.expiration(), i.expirationTtl(), i.metadataJson())).toList();
        return Envelope.ok(BulkJson.of(store.bulkPut(account, ns, entries)));
    }

    /** {@code ["key", ...]}, at most 10,000. */
    @POST
    @Path("delete")
    public Envelope bulkDelete(@RestPath("account_id") String account, @RestPath("namespace_id") String ns, String body) {
        return Envelope.ok(BulkJson.of(store.bulkDelete(account, ns, KvBulkBodies.deleteKeys(body))));
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
        KvBulkBodies.GetQuery query = KvBulkBodies.getQuery(body);
        ObjectNode values = KvBulkBodies.values();
        for (KeyLookup lookup : store.getMany(account, ns, query.keys())) {
            if (lookup.found()) {
                KvBulkBodies.found(values, query, lookup.key(), lookup.value().value(), lookup.value().metadataJson(),
                        lookup.value().expiration());
            } else {
                KvBulkBodies.missing(values, lookup.key());
            }
        }
        ObjectNode result = json.createObjectNode();
        result.set("values", values);
        return Envelope.ok(result);
    }
}
