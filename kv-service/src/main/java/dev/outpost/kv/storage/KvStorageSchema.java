package dev.outpost.kv.storage;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * ProtoStream schema of everything kv-service stores in Infinispan. The annotation processor generates
 * {@code KvStorageSchemaImpl}, registered on the cache manager by {@link CacheManagerFactory}. The persisted
 * format is this schema: change records only by appending components.
 */
@ProtoSchema(
        includeClasses = {
                StoredValue.class, IndexEntry.class, IndexChunk.class, ChunkRef.class, ChunkDirectory.class,
                NamespaceRecord.class, AccountNamespaces.class },
        schemaFileName = "outpost-kv-storage.proto",
        schemaFilePath = "proto/",
        schemaPackageName = "outpost.kv.storage")
public interface KvStorageSchema extends GeneratedSchema {
}
