package dev.outpost.kv.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.infinispan.Cache;
import org.infinispan.commands.tx.PrepareCommand;
import org.infinispan.commands.write.WriteCommand;
import org.infinispan.context.impl.TxInvocationContext;
import org.infinispan.factories.ComponentRegistry;
import org.infinispan.interceptors.DDAsyncInterceptor;
import org.infinispan.interceptors.distribution.TxDistributionInterceptor;

/**
 * Test fault injection: on the node it is installed on, holds back the originator's own (local) commit of a
 * one-phase pessimistic transaction that writes an armed key, <em>after</em> the remote owners have acknowledged
 * it. Infinispan commits the originator's copy in that gap, under whatever topology is current by then; this
 * stretches the gap so that a topology change (and the state transfer it starts) can fall into it every time.
 */
final class SlowLocalCommit extends DDAsyncInterceptor {

    private final AtomicReference<Object> armedKey = new AtomicReference<>();
    private final long delayMillis;
    private final CompletableFuture<Void> remoteOwnersAcked = new CompletableFuture<>();

    private final Cache<?, ?> cache;

    private SlowLocalCommit(Cache<?, ?> cache, long delayMillis) {
        this.cache = cache;
        this.delayMillis = delayMillis;
    }

    /** Installed right before the distribution interceptor, so its callback runs after the remote prepare. */
    static SlowLocalCommit install(Cache<?, ?> cache, long delayMillis) {
        SlowLocalCommit slow = new SlowLocalCommit(cache, delayMillis);
        ComponentRegistry.of(cache).getInterceptorChain().running()
                .addInterceptorBefore(slow, TxDistributionInterceptor.class);
        return slow;
    }

    /** Holds back the next local commit of a transaction that writes {@code cacheKey}. */
    void arm(Object cacheKey) {
        // commands carry keys in storage form (ProtoStream bytes)
        armedKey.set(cache.getAdvancedCache().getKeyDataConversion().toStorage(cacheKey));
    }

    /** Completes when the armed transaction's remote owners have acknowledged and its local commit is held. */
    CompletableFuture<Void> remoteOwnersAcked() {
        return remoteOwnersAcked;
    }

    @Override
    public Object visitPrepareCommand(TxInvocationContext ctx, PrepareCommand command) throws Throwable {
        Object key = armedKey.get();
        if (!ctx.isOriginLocal() || !command.isOnePhaseCommit() || key == null || !writes(command, key)) {
            return invokeNext(ctx, command);
        }
        return invokeNextThenApply(ctx, command, (rCtx, rCommand, rv) -> {
            if (!armedKey.compareAndSet(key, null)) {
                return rv;
            }
            remoteOwnersAcked.complete(null);
            return asyncValue(CompletableFuture.supplyAsync(() -> rv,
                    CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS)));
        });
    }

    private static boolean writes(PrepareCommand command, Object key) {
        for (WriteCommand w : command.getModifications()) {
            if (w.getAffectedKeys().contains(key)) {
                return true;
            }
        }
        return false;
    }
}
