package dev.outpost.kv.model;

/**
 * Paging and order of a namespace listing as the caller gave it; 0 / "" mean "default"
 * (page 1, 20 per page, order by id, ascending).
 */
public record NamespaceQuery(int page, int perPage, String order, String direction) {
}
