package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.List;

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

    /** A copy with {@code entry} inserted or replaced; expired entries are dropped on the way (lazy cleanup). */
    IndexChunk withUpsert(IndexEntry entry, long nowSeconds) {
        List<IndexEntry> copy = liveEntries(nowSeconds, entry.name());
        IndexChunk without = new IndexChunk(low, high, last, copy);
        copy.add(-without.find(entry.name()) - 1, entry);
        return without;
    }

    /** A copy without {@code name} (and without expired entries), or {@code this} when nothing changes. */
    IndexChunk withRemoval(String name, long nowSeconds) {
        List<IndexEntry> copy = liveEntries(nowSeconds, name);
        if (copy.size() == entries.size()) {
            return this;
        }
        return new IndexChunk(low, high, last, copy);
    }

    private List<IndexEntry> liveEntries(long nowSeconds, String skipName) {
        List<IndexEntry> copy = new ArrayList<>(entries.size() + 1);
        for (IndexEntry e : entries) {
            if (!e.expiredAt(nowSeconds) && !e.name().equals(skipName)) {
                copy.add(e);
            }
        }
        // Keep skipName's slot out: callers re-insert it (upsert) or want it gone (removal).
        return copy;
    }

    int approximateSize() {
        int size = 0;
        for (IndexEntry e : entries) {
            size += e.approximateSize();
        }
        return size;
    }

    /** Lower half of a split at entry position {@code at}; the upper half starts at that entry's name. */
    IndexChunk lowerHalf(int at) {
        return new IndexChunk(low, entries.get(at).name(), false, new ArrayList<>(entries.subList(0, at)));
    }

    IndexChunk upperHalf(int at) {
        return new IndexChunk(entries.get(at).name(), high, last, new ArrayList<>(entries.subList(at, entries.size())));
    }
}
