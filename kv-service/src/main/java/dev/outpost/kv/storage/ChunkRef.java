package dev.outpost.kv.storage;

import org.infinispan.protostream.annotations.Proto;

/** Directory entry: the chunk with id {@code id} holds the keys from {@code low} (inclusive) upward. */
@Proto
public record ChunkRef(String low, long id) {
}
