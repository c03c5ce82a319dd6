package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.infinispan.protostream.annotations.Proto;

/**
 * A sorted run of index entries covering the key range {@code [low, high)}; the last chunk of a
 * namespace has {@code last = true} and no upper bound. A chunk carries its own bounds so that a writer
 * that found it through a stale directory notices that a split moved its key elsewhere.
 */
@Proto
public record IndexChunk(String low, String high, boolean last, List<IndexEntry> entries) {

    static IndexChunk first() {
        return new IndexChunk("", "", true, List.of());
    }

    boolean covers(String key) {
        return Utf8Order.compare(key, low) >= 0 && (last || Utf8Order.compare(key, high) < 0);
    }

    /** Index of {@code name} in entries, or {@code -(insertionPoint) - 1} like {@link java.util.Collections#binarySearch}. */
    int find(String name) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Utf8Order.compare(entries.get(mid).name(), name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /**
     * A copy with a batch of changes applied: {@code changes} maps a key to its new entry, or to {@code null}
     * to remove it; expired entries are dropped on the way. {@code this} when nothing changes.
     */
    IndexChunk withChanges(Map<String, IndexEntry> changes, long nowSeconds) {
        List<IndexEntry> kept = new ArrayList<>(entries.size() + changes.size());
        boolean changed = false;
        for (IndexEntry e : entries) {
            if (changes.containsKey(e.name()) || e.expiredAt(nowSeconds)) {
                changed = true;
            } else {
                kept.add(e);
            }
        }
        List<IndexEntry> added = new ArrayList<>(changes.size());
        for (IndexEntry e : changes.values()) {
            if (e != null) {
                added.add(e);
            }
        }
        if (!changed && added.isEmpty()) {
            return this;
        }
        added.sort((a, b) -> Utf8Order.compare(a.name(), b.name()));
        // Merge two sorted runs (no name is in both: changed names were left out of kept).
        List<IndexEntry> merged = new ArrayList<>(kept.size() + added.size());
        int i = 0;
        int j = 0;
        while (i < kept.size() || j < added.size()) {
            if (j == added.size() || (i < kept.size() && Utf8Order.compare(kept.get(i).name(), added.get(j).name()) < 0)) {
                merged.add(kept.get(i++));
            } else {
                merged.add(added.get(j++));
            }
        }
        return new IndexChunk(low, high, last, merged);
    }

    /**
     * Cuts this chunk at entry positions {@code cuts} (ascending, each in 1..size-1): the first piece keeps
     * this chunk's low bound, each further piece starts at the name of its first entry, and the last piece
     * keeps this chunk's upper bound.
     */
    List<IndexChunk> cutAt(List<Integer> cuts) {
        List<IndexChunk> pieces = new ArrayList<>(cuts.size() + 1);
        int from = 0;
        String pieceLow = low;
        for (int at : cuts) {
            String next = entries.get(at).name();
            pieces.add(new IndexChunk(pieceLow, next, false, new ArrayList<>(entries.subList(from, at))));
            from = at;
            pieceLow = next;
        }
        pieces.add(new IndexChunk(pieceLow, high, last, new ArrayList<>(entries.subList(from, entries.size()))));
        return pieces;
    }

    int approximateSize() {
        int size = 0;
        for (IndexEntry e : entries) {
            size += e.approximateSize();
        }
        return size;
    }
}
