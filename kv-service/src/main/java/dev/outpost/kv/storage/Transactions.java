package dev.outpost.kv.storage;

import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.infinispan.commons.CacheException;

/**
 * Runs a unit of work in one Infinispan transaction (pessimistic locking): commit when the work returns
 * {@code true}, roll back when it returns {@code false} (the caller retries) or throws. Nothing is left
 * associated with the thread afterwards, whatever happens.
 */
final class Transactions {

    private final TransactionManager tm;

    Transactions(TransactionManager tm) {
        this.tm = tm;
    }

    /** @return whether the work asked to commit (and the commit succeeded). */
    boolean attempt(Supplier<Boolean> work) {
        try {
            tm.begin();
        } catch (Exception e) {
            throw new CacheException("Could not begin a transaction", e);
        }
        boolean finished = false;
        try {
            boolean commit = work.get();
            finished = true;
            if (commit) {
                tm.commit();
            } else {
                tm.rollback();
            }
            return commit;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // RollbackException, Heuristic*: the commit did not go through.
            throw new CacheException("Transaction failed: " + e.getMessage(), e);
        } finally {
            if (!finished) {
                rollbackQuietly();
            }
            clearThread();
        }
    }

    /** Runs work that always commits. */
    void run(Runnable work) {
        attempt(() -> {
            work.run();
            return true;
        });
    }

    private void rollbackQuietly() {
        try {
            if (tm.getTransaction() != null) {
                tm.rollback();
            }
        } catch (Exception ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private void clearThread() {
        try {
            if (tm.getTransaction() != null && tm.getStatus() != Status.STATUS_ACTIVE) {
                tm.suspend();
            }
        } catch (SystemException ignored) {
            // Nothing more we can do; the next begin() would fail loudly.
        }
    }
}
