package dev.outpost.runtime.bindings.r2;

import java.util.List;

/** One page of {@code list} (R2-7): {@code cursor} is set iff {@code truncated}. */
public record R2ListPage(List<R2ObjectMeta> objects, List<String> delimitedPrefixes, boolean truncated, String cursor) {
    public R2ListPage {
        objects = List.copyOf(objects);
        delimitedPrefixes = List.copyOf(delimitedPrefixes);
    }
}
