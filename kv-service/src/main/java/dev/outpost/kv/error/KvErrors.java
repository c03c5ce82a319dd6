package dev.outpost.kv.error;

import org.infinispan.commons.CacheException;
import org.infinispan.commons.IllegalLifecycleStateException;
import org.jboss.logging.Logger;

/**
 * Classifies any failure as a {@link KvException}, so that each transport maps exactly one type. Storage
 * trouble (lock timeouts, lost members, a stopping cache manager) becomes a retryable "unavailable";
 * anything unexpected is logged once here and reported without internals.
 */
public final class KvErrors {

    private static final Logger LOG = Logger.getLogger(KvErrors.class);

    private KvErrors() {
    }

    public static KvException classify(Throwable failure) {
        if (failure instanceof KvException kv) {
            return kv;
        }
        if (failure instanceof CacheException || failure instanceof IllegalLifecycleStateException
                || failure instanceof org.infinispan.commons.TimeoutException) {
            LOG.warnf(failure, "KV storage failure");
            return new KvException(KvError.STORAGE_UNAVAILABLE, "KV storage is temporarily unavailable", failure);
        }
        LOG.errorf(failure, "Unexpected failure in kv-service");
        return new KvException(KvError.INTERNAL, "internal error", failure);
    }
}
