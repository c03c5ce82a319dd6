package dev.outpost.kv.storage;

import java.util.List;

import org.infinispan.protostream.annotations.Proto;

/**
 * The namespaces of one account. Listing an account's namespaces and checking title uniqueness read
 * this one entry instead of scanning the namespaces cache; it is updated in the same transaction as the
 * namespace entries, under its own lock.
 */
@Proto
public record AccountNamespaces(List<NamespaceRecord> namespaces) {
}
