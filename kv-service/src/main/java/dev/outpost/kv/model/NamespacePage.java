package dev.outpost.kv.model;

import java.util.List;

/** One page of an account's namespaces. */
public record NamespacePage(List<NamespaceInfo> namespaces, int page, int perPage, int totalCount) {
}
