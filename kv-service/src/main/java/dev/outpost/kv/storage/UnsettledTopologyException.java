package dev.outpost.kv.storage;

import org.infinispan.commons.CacheException;

/**
 * A write was committed while the cluster was changing and could not be confirmed in a settled topology in time
 * ({@link StableTopology}): it is not acknowledged (it may or may not have been applied). Callers see it as storage
 * being temporarily unavailable; the write batcher fails the whole batch with it rather than retrying each write.
 */
public final class UnsettledTopologyException extends CacheException {

    private static final long serialVersionUID = 1L;

    public UnsettledTopologyException(String message) {
        super(message);
    }

    public UnsettledTopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
