package dev.outpost.contracts.placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Rendezvous (highest-random-weight) hashing of an id onto a fixed list of shards. Pure Java, no
 * framework: the gateway uses this same class to find the owner it calls directly.
 *
 * <p>score(i, id) = the first 8 bytes, big-endian, as an unsigned 64-bit number, of
 * SHA-256(UTF-8("&lt;i&gt;:&lt;id&gt;")) where i is the shard's index in the list. The owner is the
 * shard with the highest score (ties, practically impossible, go to the lower index).
 *
 * <p>Why the index and not the address: on Kubernetes shards are StatefulSet ordinals, and the
 * address a shard is known by differs between callers (pod DNS name, service name, loopback in
 * tests). Hashing the ordinal makes every caller agree as long as they agree on the shard count
 * and order. Growing the set by appending shard N moves only the ids whose new highest score is
 * N (about 1/(N+1) of them) — the rest keep their owner; that move is an explicit migration.
 */
public final class RendezvousHash {

    private RendezvousHash() {
    }

    /** Index of the owning shard among {@code shardCount} shards. */
    public static int ownerIndex(String id, int shardCount) {
        if (shardCount <= 0) {
            throw new IllegalArgumentException("shardCount must be positive");
        }
        int best = 0;
        long bestScore = score(id, 0);
        for (int i = 1; i < shardCount; i++) {
            long s = score(id, i);
            if (Long.compareUnsigned(s, bestScore) > 0) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }

    /** Address of the owning shard. */
    public static String owner(String id, List<String> shards) {
        return shards.get(ownerIndex(id, shards.size()));
    }

    /** The weight of shard {@code shardIndex} for {@code id} (unsigned). */
    public static long score(String id, int shardIndex) {
        byte[] digest = sha256().digest((shardIndex + ":" + id).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xff);
        }
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
