package dev.outpost.durableobject.placement;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.durableobject.DurableObjectConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * This shard's view of the shard set (DO-13: exactly one live instance per id): who owns an object id, and refusing
 * ids owned elsewhere the way d1-service does — FAILED_PRECONDITION with the owner's address in
 * {@link OutpostErrors#OWNER} — never serving them.
 */
@ApplicationScoped
public class ObjectPlacement {
    private final List<String> shards;
    private final int self;

    public ObjectPlacement(DurableObjectConfig config) {
        this.shards = config.shards().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.self = config.shardIndex();
        if (shards.isEmpty()) {
            throw new IllegalStateException("outpost.durableobject.shards must list at least one shard");
        }
        if (self < 0 || self >= shards.size()) {
            throw new IllegalStateException("outpost.durableobject.shard-index " + self + " is outside the "
                    + shards.size() + " configured shards " + shards);
        }
    }

    public boolean isLocal(String objectId) {
        return RendezvousHash.ownerIndex(objectId, shards.size()) == self;
    }

    /** The host:port of the shard that owns {@code objectId}. */
    public String owner(String objectId) {
        return RendezvousHash.owner(objectId, shards);
    }

    /** Refuses an object this shard does not own. */
    public void requireLocal(String objectId) {
        if (!isLocal(objectId)) {
            String owner = RendezvousHash.owner(objectId, shards);
            StatusRuntimeException e = OutpostErrors.error(Status.Code.FAILED_PRECONDITION, "DO_NOT_OWNER",
                    "Durable Object " + objectId + " is owned by shard " + owner + ", not by this one ("
                            + shards.get(self) + "); send the request there");
            e.getTrailers().put(OutpostErrors.OWNER, owner);
            throw e;
        }
    }
}
