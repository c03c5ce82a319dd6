package dev.outpost.d1.model;

public record ImportOutcome(long numQueries, String finalBookmark, QueryMeta meta) {
}
