package dev.outpost.kv.api.rest;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.infinispan.manager.EmbeddedCacheManager;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;
import dev.outpost.kv.storage.CacheManagerProducer;

/**
 * Operator call before stopping every kv-service node: {@code POST /admin/kv/cluster/shutdown} (same bearer
 * token as the KV API). All nodes persist their topology and stop their caches; started again, the cluster
 * recovers that topology and all data. Stopping nodes one at a time needs no call (they hand their entries
 * over as they leave).
 */
@Path("/admin/kv/cluster/shutdown")
@Produces(MediaType.APPLICATION_JSON)
public class KvClusterResource {

    private final CacheManagerProducer storage;
    private final EmbeddedCacheManager manager;

    public KvClusterResource(CacheManagerProducer storage, EmbeddedCacheManager manager) {
        this.storage = storage;
        this.manager = manager;
    }

    @POST
    public Envelope shutdown() {
        if (!storage.clustered()) {
            throw new KvException(KvError.BAD_REQUEST,
                    "Not clustered: this node keeps everything in its own store; just stop it.");
        }
        int members = manager.getMembers() == null ? 1 : manager.getMembers().size();
        storage.shutdownCluster();
        return Envelope.ok(Map.of("shut_down", true, "members", members));
    }
}
