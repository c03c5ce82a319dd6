package dev.outpost.kv.model;

/** A KV namespace as callers see it; Outpost always supports URL-encoded keys. */
public record NamespaceInfo(String id, String title) {

    public boolean supportsUrlEncoding() {
        return true;
    }
}
