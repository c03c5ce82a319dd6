package dev.outpost.runtime.bindings;

import java.util.List;

/**
 * One page of a key listing (checklist KV-7).
 *
 * @param keys         the keys in UTF-8 byte order
 * @param listComplete whether this is the last page
 * @param cursor       the cursor for the next page; null or empty when complete
 */
public record KvListPage(List<KvKey> keys, boolean listComplete, String cursor) {
    public KvListPage {
        keys = keys == null ? List.of() : keys;
    }
}
