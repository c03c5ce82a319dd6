package dev.outpost.r2.storage;

import dev.outpost.r2.model.ObjectInfo;
import java.util.List;

/**
 * One page of a backend listing, keys already decoded. {@code lastStoredKey} is the last backend
 * (encoded) key or prefix of the page, where the next page starts after.
 */
public record BackendPage(List<ObjectInfo> objects, List<String> prefixes, List<String> storedPrefixes,
        List<String> storedKeys, boolean truncated) {
}
