package dev.outpost.kv.storage;

import org.infinispan.protostream.annotations.Proto;

/** A namespace as stored: its id (32 lowercase hex, like Cloudflare's), owner account and title. */
@Proto
public record NamespaceRecord(String id, String accountId, String title, long createdAtMillis) {
}
