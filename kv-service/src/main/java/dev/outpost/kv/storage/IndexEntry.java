package dev.outpost.kv.storage;

import org.infinispan.protostream.annotations.Proto;

/**
 * A key as the sorted index knows it. Expiration and metadata are copied here so that a list page is
 * served from index chunks alone, without touching the (possibly 25 MiB) values.
 */
@Proto
public record IndexEntry(String name, long expiration, String metadataJson) {

    public boolean expiredAt(long nowSeconds) {
        return expiration != 0 && expiration <= nowSeconds;
    }

    /** Rough heap/wire size, used only to decide when a chunk must split. */
    int approximateSize() {
        return 16 + name.length() * 2 + (metadataJson == null ? 0 : metadataJson.length() * 2);
    }
}
