package dev.outpost.kv.storage;

import org.infinispan.protostream.annotations.Proto;

/**
 * One KV value as it sits in the data cache. {@code expiration} is absolute epoch seconds (0 = none);
 * Infinispan's own lifespan evicts the entry, but readers still compare against the clock so an entry is
 * never served a moment late. Field numbers follow declaration order: only append new components.
 */
@Proto
public record StoredValue(byte[] value, String metadataJson, long expiration) {

    public boolean expiredAt(long nowSeconds) {
        return expiration != 0 && expiration <= nowSeconds;
    }
}
