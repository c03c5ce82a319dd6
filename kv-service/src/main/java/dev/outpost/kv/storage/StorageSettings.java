package dev.outpost.kv.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link CacheManagerFactory} needs, free of Quarkus config types so storage tests can build it.
 *
 * @param dataDir        where the persistent stores (and Infinispan's global state) live
 * @param memoryMaxSize  heap budget per cache ("256MB"); colder entries are served from the file store
 * @param cluster        empty for a single local node
 */
public record StorageSettings(Path dataDir, String memoryMaxSize, Optional<Cluster> cluster) {

    /**
     * @param name         JGroups cluster name; only nodes with the same name join each other
     * @param bindAddress  address JGroups TCP binds to (JGroups keywords like SITE_LOCAL work too)
     * @param bindPort     JGroups TCP port
     * @param initialHosts TCPPING members, e.g. {@code 127.0.0.1[7800],127.0.0.1[7801]}
     * @param dnsQuery     when present, DNS_PING with this query (a headless Kubernetes service) replaces TCPPING
     * @param numOwners    copies of each entry
     */
    public record Cluster(String name, String bindAddress, int bindPort, String initialHosts,
            Optional<String> dnsQuery, int numOwners) {
    }

    public static StorageSettings local(Path dataDir) {
        return new StorageSettings(dataDir, "64MB", Optional.empty());
    }
}
