package dev.outpost.runtime.bindings;

import java.util.List;

/** The results of a query or batch, in statement order, and the bookmark after it (checklist D1-7). */
public record D1QueryResult(List<D1Result> results, String bookmark) {
    public D1QueryResult {
        results = List.copyOf(results);
    }
}
