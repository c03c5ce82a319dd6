package dev.outpost.kv.model;

import java.util.List;

/** One page of a key listing (KV-7); {@code cursor} is non-empty exactly when {@code complete} is false. */
public record KeyPage(List<KeyInfo> keys, boolean complete, String cursor) {
}
