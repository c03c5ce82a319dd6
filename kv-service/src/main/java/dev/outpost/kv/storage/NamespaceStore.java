package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.topology.CacheTopology;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/**
 * Namespaces and their per-account listing. Every change locks the account's {@link AccountNamespaces}
 * entry first, which makes title uniqueness and the per-account limit hold across the cluster.
 *
 * <p>Like {@link KvDataStore#apply}, a change returns only after a transaction that made it ran in one settled
 * topology: if the first one did not, the change is made again (idempotently) once the rebalance has ended, so
 * every current owner of the records has it.
 */
public final class NamespaceStore {

    private final Cache<String, Object> cache;
    private final AdvancedCache<String, Object> writer;
    private final AdvancedCache<String, Object> forUpdate;
    private final Transactions tx;
    private final StableTopology topology;

    public NamespaceStore(Cache<String, Object> cache) {
        this.cache = cache;
        this.writer = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.forUpdate = cache.getAdvancedCache().withFlags(Flag.FORCE_WRITE_LOCK);
        this.tx = new Transactions(cache.getAdvancedCache().getTransactionManager());
        this.topology = new StableTopology(cache, KvDataStore.REBALANCE_WAIT);
    }

    public Optional<NamespaceRecord> find(String namespaceId) {
        return Optional.ofNullable((NamespaceRecord) cache.get(KeyLayout.namespace(namespaceId)));
    }

    /** {@link #find} with an asynchronous read (completes at once when the record is in memory). */
    public CompletionStage<Optional<NamespaceRecord>> findAsync(String namespaceId) {
        return cache.getAsync(KeyLayout.namespace(namespaceId)).thenApply(r -> Optional.ofNullable((NamespaceRecord) r));
    }

    public List<NamespaceRecord> forAccount(String accountId) {
        AccountNamespaces account = (AccountNamespaces) cache.get(KeyLayout.account(accountId));
        return account == null ? List.of() : List.copyOf(account.namespaces());
    }

    /** Creates a namespace with a fresh id: 32 lowercase hex characters, like Cloudflare's. */
    public NamespaceRecord create(String accountId, String title, int maxPerAccount, long nowMillis) {
        NamespaceRecord created = new NamespaceRecord(
                UUID.randomUUID().toString().replace("-", ""), accountId, title, nowMillis);
        CacheTopology mark = topology.mark();
        tx.run(() -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            requireTitleFree(all, title, null);
            if (all.size() >= maxPerAccount) {
                throw new KvException(KvError.TOO_MANY_NAMESPACES,
                        "You have reached the maximum of " + maxPerAccount + " namespaces for this account.");
            }
            all.add(created);
            writer.put(KeyLayout.namespace(created.id()), created);
            writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
        });
        settle(mark, () -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            if (indexOf(all, created.id()) < 0) {
                all.add(created);
            }
            writer.put(KeyLayout.namespace(created.id()), created);
            writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
        });
        return created;
    }

    public NamespaceRecord rename(String accountId, String namespaceId, String title) {
        NamespaceRecord[] renamed = new NamespaceRecord[1];
        CacheTopology mark = topology.mark();
        tx.run(() -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            int at = indexOf(all, namespaceId);
            if (at < 0) {
                throw KvException.namespaceNotFound();
            }
            requireTitleFree(all, title, namespaceId);
            NamespaceRecord old = all.get(at);
            renamed[0] = new NamespaceRecord(old.id(), old.accountId(), title, old.createdAtMillis());
            all.set(at, renamed[0]);
            writer.put(KeyLayout.namespace(namespaceId), renamed[0]);
            writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
        });
        settle(mark, () -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            int at = indexOf(all, namespaceId);
            if (at >= 0) { // else deleted meanwhile
                all.set(at, renamed[0]);
                writer.put(KeyLayout.namespace(namespaceId), renamed[0]);
                writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
            }
        });
        return renamed[0];
    }

    /** Removes the namespace record; its data is purged separately ({@link KvDataStore#purge}). */
    public void delete(String accountId, String namespaceId) {
        CacheTopology mark = topology.mark();
        tx.run(() -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            int at = indexOf(all, namespaceId);
            if (at < 0) {
                throw KvException.namespaceNotFound();
            }
            all.remove(at);
            writer.remove(KeyLayout.namespace(namespaceId));
            writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
        });
        settle(mark, () -> {
            List<NamespaceRecord> all = lockAccount(accountId);
            int at = indexOf(all, namespaceId);
            if (at >= 0) {
                all.remove(at);
            }
            writer.remove(KeyLayout.namespace(namespaceId));
            writer.put(KeyLayout.account(accountId), new AccountNamespaces(all));
        });
    }

    /**
     * After a change that began at {@code mark}: unless its transaction ran in one settled topology, waits for the
     * rebalance to end and makes the change again with {@code redo} (in a new transaction), until one did.
     */
    private void settle(CacheTopology mark, Runnable redo) {
        for (int round = 0; !topology.settledSince(mark); round++) {
            if (round == 32) {
                throw new UnsettledTopologyException("The cluster topology kept changing");
            }
            topology.awaitSettled();
            mark = topology.mark();
            tx.run(redo);
        }
    }

    private List<NamespaceRecord> lockAccount(String accountId) {
        AccountNamespaces account = (AccountNamespaces) forUpdate.get(KeyLayout.account(accountId));
        return account == null ? new ArrayList<>() : new ArrayList<>(account.namespaces());
    }

    private static void requireTitleFree(List<NamespaceRecord> all, String title, String exceptId) {
        for (NamespaceRecord ns : all) {
            if (ns.title().equals(title) && !ns.id().equals(exceptId)) {
                throw new KvException(KvError.NAMESPACE_TITLE_EXISTS,
                        "a namespace with this account ID and title already exists");
            }
        }
    }

    private static int indexOf(List<NamespaceRecord> all, String namespaceId) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(namespaceId)) {
                return i;
            }
        }
        return -1;
    }
}
