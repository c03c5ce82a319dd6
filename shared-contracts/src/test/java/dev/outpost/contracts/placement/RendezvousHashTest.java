package dev.outpost.contracts.placement;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendezvousHashTest {

    @Test
    void ownerIsStableAndDocumentedScoreDecides() {
        String id = "0b0c4b7e-5f1a-4c39-9d0e-6b8f4a2b1c3d";
        int owner = RendezvousHash.ownerIndex(id, 3);
        assertEquals(owner, RendezvousHash.ownerIndex(id, 3));
        for (int i = 0; i < 3; i++) {
            assertTrue(Long.compareUnsigned(RendezvousHash.score(id, owner), RendezvousHash.score(id, i)) >= 0);
        }
        List<String> shards = List.of("a:1", "b:2", "c:3");
        assertEquals(shards.get(owner), RendezvousHash.owner(id, shards));
        assertEquals(0, RendezvousHash.ownerIndex(id, 1), "a single shard owns everything");
    }

    @Test
    void idsSpreadEvenlyAndAddingAShardOnlyMovesIdsToIt() {
        int n = 6000;
        int[] counts = new int[3];
        int moved = 0;
        for (int k = 0; k < n; k++) {
            String id = UUID.nameUUIDFromBytes(("db" + k).getBytes()).toString();
            int before = RendezvousHash.ownerIndex(id, 3);
            counts[before]++;
            int after = RendezvousHash.ownerIndex(id, 4);
            if (after != before) {
                assertEquals(3, after, "an id may only move to the new shard");
                moved++;
            }
        }
        for (int c : counts) {
            assertTrue(c > n / 3 * 0.9 && c < n / 3 * 1.1, "uneven spread " + java.util.Arrays.toString(counts));
        }
        assertTrue(moved > n / 4 * 0.85 && moved < n / 4 * 1.15, "about a quarter should move, moved " + moved);
    }
}
