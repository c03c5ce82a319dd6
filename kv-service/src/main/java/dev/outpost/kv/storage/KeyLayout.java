package dev.outpost.kv.storage;

/**
 * How kv-service lays its records out in Infinispan's flat key spaces. Namespace ids are 32 hex
 * characters, so the {@code ':'} after them is unambiguous and user keys are appended verbatim.
 *
 * <pre>
 * kv-namespaces cache
 *   ns:&lt;namespaceId&gt;             NamespaceRecord
 *   acct:&lt;accountId&gt;             AccountNamespaces
 * kv-data cache
 *   v:&lt;namespaceId&gt;:&lt;key&gt;       StoredValue
 *   d:&lt;namespaceId&gt;              ChunkDirectory  (sorted key index: list of chunks)
 *   c:&lt;namespaceId&gt;:&lt;chunkId&gt;   IndexChunk      (sorted key index: one run of keys)
 * </pre>
 */
public final class KeyLayout {

    public static final String NAMESPACES_CACHE = "kv-namespaces";
    public static final String DATA_CACHE = "kv-data";

    private KeyLayout() {
    }

    static String namespace(String namespaceId) {
        return "ns:" + namespaceId;
    }

    static String account(String accountId) {
        return "acct:" + accountId;
    }

    static String value(String namespaceId, String key) {
        return "v:" + namespaceId + ":" + key;
    }

    static String directory(String namespaceId) {
        return "d:" + namespaceId;
    }

    static String chunk(String namespaceId, long chunkId) {
        return "c:" + namespaceId + ":" + chunkId;
    }
}
