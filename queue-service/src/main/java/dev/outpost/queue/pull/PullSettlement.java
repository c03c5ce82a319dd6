package dev.outpost.queue.pull;

import dev.outpost.queue.messages.MessageLog;
import dev.outpost.queue.messages.MessageStorageException;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import dev.outpost.queue.registry.QueueRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stores what a retried pulled message becomes (Q-7 as for push): its next attempt written back to the queue's
 * topic, not before its delay, or, once {@code attempts > max_retries}, the same message (id, timestamp) on the
 * dead-letter queue's topic, or nothing (deleted, with a warning) when there is none. An expired lease counts as a
 * failed attempt with no delay. The claimed entries are settled in the {@link LeaseBook} only after Kafka has the
 * writes; when it does not, they are released and stay leased as before.
 */
final class PullSettlement {
    private static final Logger LOG = Logger.getLogger(PullSettlement.class);

    private final MessageLog log;
    private final QueueRegistry registry;

    PullSettlement(MessageLog log, QueueRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    /** A claimed message to retry, not before {@code delaySeconds} from now. */
    record RetryOf(LeaseBook.Entry entry, int delaySeconds) {
    }

    /**
     * Retries the claimed messages and answers one warning per message that ran out of retries. Throws (after
     * releasing them) when Kafka did not store the writes.
     */
    List<String> retry(QueueRecord q, QueueRecord.ConsumerRecord consumer, LeaseBook book, List<RetryOf> retries)
            throws MessageStorageException {
        long now = System.currentTimeMillis();
        List<StoredMessage> again = new ArrayList<>();
        List<StoredMessage> dead = new ArrayList<>();
        for (RetryOf r : retries) {
            StoredMessage m = r.entry().message();
            if (m.attempts() > consumer.maxRetries()) {
                dead.add(m.deadLettered());
            } else {
                again.add(m.retried(r.delaySeconds() == 0 ? 0 : now + r.delaySeconds() * 1000L));
            }
        }
        List<String> warnings = new ArrayList<>();
        try {
            if (!again.isEmpty()) {
                log.append(q.topic(), again);
            }
            if (!dead.isEmpty()) {
                Optional<QueueRecord> dlq = deadLetterQueue(q, consumer);
                if (dlq.isPresent()) {
                    log.append(dlq.get().topic(), dead);
                }
                for (StoredMessage m : dead) {
                    warnings.add("Message " + m.id() + " ran out of retries (max_retries " + consumer.maxRetries()
                            + ") and was " + (dlq.isPresent() ? "moved to dead letter queue " + dlq.get().name()
                                    : "deleted (" + (blank(consumer.deadLetterQueue()) ? "no dead_letter_queue"
                                            : "dead_letter_queue " + consumer.deadLetterQueue() + " does not exist") + ")"));
                }
            }
        } catch (MessageStorageException e) {
            retries.forEach(r -> book.release(r.entry()));
            throw e;
        }
        retries.forEach(r -> book.settle(r.entry()));
        return warnings;
    }

    /** Leases whose visibility timeout passed: a failed attempt each, retried at once or dead-lettered. */
    void expire(QueueRecord q, QueueRecord.ConsumerRecord consumer, LeaseBook book) {
        List<LeaseBook.Entry> expired = book.claimExpired(System.currentTimeMillis());
        if (expired.isEmpty()) {
            return;
        }
        try {
            List<String> warnings = retry(q, consumer, book, expired.stream().map(e -> new RetryOf(e, 0)).toList());
            warnings.forEach(w -> LOG.infof("Queue %s: %s", q.name(), w));
        } catch (MessageStorageException e) {
            // released: the next turn tries again
            LOG.warnf("Queue %s: could not requeue %d expired lease(s) (%s)", q.name(), expired.size(), e.getMessage());
        }
    }

    private Optional<QueueRecord> deadLetterQueue(QueueRecord q, QueueRecord.ConsumerRecord consumer) {
        return blank(consumer.deadLetterQueue()) ? Optional.empty()
                : registry.byName(q.accountId(), consumer.deadLetterQueue());
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
