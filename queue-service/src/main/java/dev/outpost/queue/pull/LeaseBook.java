package dev.outpost.queue.pull;

import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.queue.messages.StoredMessage;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The read-but-unsettled messages of one queue with an HTTP pull consumer, by offset, and their leases. A
 * pull leases visible messages (due, and not leased or with an expired lease) for the visibility timeout; an ack or
 * retry, or the sweep of expired leases, first <em>claims</em> an entry (so exactly one of them settles it), writes
 * what the outcome needs to Kafka, then settles it, or releases it when the write failed. Only settled messages let
 * the consumer group's offset move ({@link #commitOffset()}), so whatever was not settled is read again after a
 * restart or a rebalance: leases live in memory and a crash redelivers (at-least-once).
 *
 * <p>A lease id is {@code <message id>.<16 hex>}: an ack for a lease that is no longer held (it expired and the
 * message was written back as its next attempt, or queue-service restarted) still settles the message by its id when
 * nobody else holds it now ("late acks accepted"). Thread-safe: the pulling and acking request threads and the
 * queue's {@link PullLoop} share it.
 */
final class LeaseBook {
    static final Pattern LEASE_ID = Pattern.compile("([0-9a-zA-Z_-]{1,64})\\.([0-9a-f]{16})");
    private static final SecureRandom RANDOM = new SecureRandom();

    static final class Entry {
        final long offset;
        final StoredMessage message;
        String leaseId;
        long leasedUntil;
        boolean claimed;

        Entry(long offset, StoredMessage message) {
            this.offset = offset;
            this.message = message;
        }

        StoredMessage message() {
            return message;
        }
    }

    /** A message handed to a pull, with the lease that acks or retries it. */
    record Leased(StoredMessage message, String leaseId) {
    }

    /** What one pull got; {@code v8Skipped} counts visible messages it could not hand out (content type v8). */
    record Batch(List<Leased> messages, int v8Skipped) {
    }

    private final TreeMap<Long, Entry> pending = new TreeMap<>();
    private final Map<String, Entry> byLease = new HashMap<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private long lastRead = -1;

    synchronized void add(long offset, StoredMessage message) {
        Entry e = new Entry(offset, message);
        pending.put(offset, e);
        byId.put(message.id(), e);
        lastRead = Math.max(lastRead, offset);
    }

    synchronized int size() {
        return pending.size();
    }

    /** Forgets everything (a rebalance: the queue's next reader starts from the committed offset). */
    synchronized void clear() {
        pending.clear();
        byLease.clear();
        byId.clear();
        lastRead = -1;
    }

    /** A purge deleted the records before {@code logStart}: they must not be handed out any more. */
    synchronized void dropBefore(long logStart) {
        Iterator<Entry> it = pending.headMap(logStart).values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            it.remove();
            unindex(e);
        }
    }

    /** Leases up to {@code max} visible messages, oldest first, until {@code now + visibilityMs}. */
    synchronized Batch lease(int max, long visibilityMs, long now) {
        List<Leased> out = new ArrayList<>();
        int v8 = 0;
        for (Entry e : pending.values()) {
            if (out.size() == max) {
                break;
            }
            if (e.claimed || e.message.notBeforeMs() > now || (e.leaseId != null && e.leasedUntil > now)) {
                continue;
            }
            if (e.leaseId != null) {
                // expired but not swept yet: the sweep writes it back as its next attempt, so leave it to the sweep
                continue;
            }
            if (e.message.contentType() == ContentType.CONTENT_TYPE_V8) {
                v8++;
                continue;
            }
            e.leaseId = e.message.id() + "." + HexFormat.of().formatHex(randomBytes());
            e.leasedUntil = now + visibilityMs;
            byLease.put(e.leaseId, e);
            out.add(new Leased(e.message, e.leaseId));
        }
        return new Batch(out, v8);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * Claims the message of a lease for its ack or retry: the lease's own message while it is unsettled, else (a
     * late ack) the pending message with the lease's message id when no live lease holds it. Null when there is
     * none: it was settled already or someone else holds it now.
     */
    synchronized Entry claim(String leaseId, long now) {
        Entry e = byLease.get(leaseId);
        if (e == null) {
            var m = LEASE_ID.matcher(leaseId);
            Entry byMessage = m.matches() ? byId.get(m.group(1)) : null;
            if (byMessage != null && (byMessage.leaseId == null || byMessage.leasedUntil <= now)) {
                e = byMessage;
            }
        }
        if (e == null || e.claimed) {
            return null;
        }
        e.claimed = true;
        return e;
    }

    /** Claims every message whose lease expired (the visibility timeout passed without an ack or retry). */
    synchronized List<Entry> claimExpired(long now) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : pending.values()) {
            if (!e.claimed && e.leaseId != null && e.leasedUntil <= now) {
                e.claimed = true;
                out.add(e);
            }
        }
        return out;
    }

    /** The claimed message is done with (acked, or its retry or dead letter is stored). */
    synchronized void settle(Entry e) {
        if (pending.remove(e.offset, e)) {
            unindex(e);
        }
    }

    /** Its outcome could not be stored: the claim is undone and the lease stays as it was. */
    synchronized void release(Entry e) {
        e.claimed = false;
    }

    private void unindex(Entry e) {
        if (e.leaseId != null) {
            byLease.remove(e.leaseId, e);
        }
        byId.remove(e.message.id(), e);
    }

    /** Where the consumer group's offset may move: the first unsettled message, or past everything read; -1 if none. */
    synchronized long commitOffset() {
        if (lastRead < 0) {
            return -1;
        }
        return pending.isEmpty() ? lastRead + 1 : pending.firstKey();
    }
}
