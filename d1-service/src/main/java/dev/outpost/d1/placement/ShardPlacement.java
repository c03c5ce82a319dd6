package dev.outpost.d1.placement;

import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.d1.config.D1Config;
import dev.outpost.d1.error.D1Exception;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** This shard's view of the shard set: who owns an id, and refusing ids owned elsewhere. */
@ApplicationScoped
public class ShardPlacement {

    private final List<String> shards;
    private final int self;
    private static final int REMEMBERED_IDS = 4096;
    private final Map<String, Boolean> local = new ConcurrentHashMap<>();

    public ShardPlacement(D1Config config) {
        this.shards = config.shards().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.self = config.shardIndex();
        if (shards.isEmpty()) {
            throw new IllegalStateException("outpost.d1.shards must list at least one shard");
        }
        if (self < 0 || self >= shards.size()) {
            throw new IllegalStateException("outpost.d1.shard-index " + self + " is outside the " + shards.size()
                    + " configured shards " + shards);
        }
    }

    public List<String> shards() {
        return shards;
    }

    public int selfIndex() {
        return self;
    }

    public String selfAddress() {
        return shards.get(self);
    }

    public String ownerOf(String databaseId) {
        return RendezvousHash.owner(databaseId, shards);
    }

    /**
     * Every call on a database asks this; the answer (a SHA-256 per shard) is remembered for the ids seen
     * recently. The memory is bounded: callers can name any id, so it is emptied when it grows past
     * {@link #REMEMBERED_IDS}.
     */
    public boolean isLocal(String databaseId) {
        if (shards.size() == 1) {
            return true;
        }
        Boolean known = local.get(databaseId);
        if (known != null) {
            return known;
        }
        boolean mine = RendezvousHash.ownerIndex(databaseId, shards.size()) == self;
        if (local.size() >= REMEMBERED_IDS) {
            local.clear();
        }
        local.put(databaseId, mine);
        return mine;
    }

    /** Refuses (never serves, never writes) an id this shard does not own. */
    public void requireLocal(String databaseId) {
        if (!isLocal(databaseId)) {
            String owner = ownerOf(databaseId);
            throw D1Exception.notOwner(databaseId, owner);
        }
    }

    /** A fresh database id that this shard owns, so a create through this shard's REST API stays local. */
    public String newLocalId() {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (isLocal(id)) {
                return id;
            }
        }
    }
}
