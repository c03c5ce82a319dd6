package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.List;

import org.infinispan.protostream.annotations.Proto;

/**
 * Per-namespace list of index chunks, ordered by their low bound; the first chunk's low bound is "".
 * {@code nextChunkId} hands out ids for chunks created by splits (the directory is locked while splitting).
 */
@Proto
public record ChunkDirectory(List<ChunkRef> chunks, long nextChunkId) {

    static ChunkDirectory initial() {
        return new ChunkDirectory(List.of(new ChunkRef("", 0)), 1);
    }

    /** Position of the chunk whose range contains {@code key}: the last one with {@code low <= key}. */
    int positionFor(String key) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (Utf8Order.compare(chunks.get(mid).low(), key) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    ChunkRef chunkFor(String key) {
        return chunks.get(positionFor(key));
    }

    /**
     * A copy with new chunks right after position {@code after}, with low bounds {@code lows} (ascending) and
     * ids {@code nextChunkId, nextChunkId + 1, ...}.
     */
    ChunkDirectory withSplits(int after, List<String> lows) {
        List<ChunkRef> copy = new ArrayList<>(chunks.size() + lows.size());
        copy.addAll(chunks);
        long id = nextChunkId;
        for (int i = 0; i < lows.size(); i++) {
            copy.add(after + 1 + i, new ChunkRef(lows.get(i), id++));
        }
        return new ChunkDirectory(copy, id);
    }
}
