package dev.outpost.r2.model;

import java.util.List;

/** R2-7 list result. {@code cursor} is set iff truncated; {@code lastItem} is what S3 v1 calls NextMarker. */
public record ListPage(List<ObjectInfo> objects, List<String> delimitedPrefixes, boolean truncated,
        String cursor, String lastItem) {
}
