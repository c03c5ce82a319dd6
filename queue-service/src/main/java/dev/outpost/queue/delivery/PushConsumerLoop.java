package dev.outpost.queue.delivery;

import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.queue.messages.MessageLog;
import dev.outpost.queue.messages.MessageStorageException;
import dev.outpost.queue.messages.QueueTopicLoop;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Push delivery of one queue to its worker consumer (Q-5..Q-8), on its own thread. It reads the queue's topic as
 * the queue's consumer group (so with several queue-service replicas exactly one delivers), keeps what it read
 * until it is settled, and hands the due messages (past their delay) to the worker in batches of at most
 * {@code batch_size}, sent when full or when the oldest due message waited {@code max_wait_time_ms}; never empty.
 * Retried messages are written back to the topic as their next attempt and dead-lettered ones to the
 * dead-letter queue's topic, and only once Kafka has stored those does the group's offset move past the batch
 * (at-least-once: a crash before that delivers the batch again). One batch at a time per queue.
 */
final class PushConsumerLoop extends QueueTopicLoop {
    private static final Logger LOG = Logger.getLogger(PushConsumerLoop.class);

    private final GatewayDispatch dispatch;
    private final MessageLog log;
    private final Function<QueueRecord, Optional<QueueRecord>> deadLetterQueue;
    private final Duration deliveryTimeout;
    private final QueueRecord.ConsumerRecord consumer;

    /** Read and not yet settled, by offset. */
    private final TreeMap<Long, StoredMessage> pending = new TreeMap<>();
    private long lastRead = -1;
    private long waitingSince = -1;

    PushConsumerLoop(String bootstrap, GatewayDispatch dispatch, MessageLog log,
            Function<QueueRecord, Optional<QueueRecord>> deadLetterQueue, Duration deliveryTimeout, QueueRecord queue,
            QueueRecord.ConsumerRecord consumer) {
        super(bootstrap, "queue-delivery-", queue);
        this.dispatch = dispatch;
        this.log = log;
        this.deadLetterQueue = deadLetterQueue;
        this.deliveryTimeout = deliveryTimeout;
        this.consumer = consumer;
    }

    QueueRecord.ConsumerRecord consumer() {
        return consumer;
    }

    /** The queue's settings changed (e.g. delivery paused); the consumer did not. */
    void update(QueueRecord changed) {
        this.queue = changed;
    }

    @Override
    protected void turn(KafkaConsumer<String, byte[]> kafka, TopicPartition partition) {
        for (ConsumerRecord<String, byte[]> r : kafka.poll(Duration.ofMillis(250))) {
            pending.put(r.offset(), StoredMessage.fromRecord(r));
            lastRead = Math.max(lastRead, r.offset());
        }
        if (!pending.isEmpty()) {
            dropPurged(kafka, partition);
        }
        deliverDue();
        if (lastRead >= 0) {
            // the first message not yet settled, or past everything read
            commitUpTo(kafka, partition, pending.isEmpty() ? lastRead + 1 : pending.firstKey());
        }
    }

    @Override
    protected void dropBefore(long logStart) {
        pending.headMap(logStart).clear();
    }

    @Override
    protected void forget() {
        pending.clear();
        lastRead = -1;
        waitingSince = -1;
    }

    @Override
    protected void configure(Properties p) {
        // a delivery may take as long as the consumer's wall limit; the group must not evict us meanwhile
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                deliveryTimeout.toMillis() + 60_000));
    }

    /** a batch when {@code batch_size} messages are due or the first due one waited {@code max_wait_time_ms}. */
    private void deliverDue() {
        QueueRecord q = queue;
        if (q.deliveryPaused()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Map.Entry<Long, StoredMessage>> due = new ArrayList<>();
        for (Map.Entry<Long, StoredMessage> e : pending.entrySet()) {
            if (e.getValue().notBeforeMs() <= now) {
                due.add(e);
                if (due.size() == consumer.batchSize()) {
                    break;
                }
            }
        }
        if (due.isEmpty()) {
            waitingSince = -1;
            return;
        }
        if (waitingSince < 0) {
            waitingSince = now;
        }
        if (due.size() < consumer.batchSize() && now - waitingSince < consumer.maxWaitTimeMs()) {
            return;
        }
        List<StoredMessage> batch = due.stream().map(Map.Entry::getValue).toList();
        DeliverBatchResponse answer;
        try {
            answer = dispatch.deliver(q, consumer, batch);
        } catch (StatusRuntimeException e) {
            // the gateway did not run the handler: not an attempt; try again shortly
            LOG.warnf("Queue %s: could not deliver a batch to worker %s (%s); retrying", q.name(), consumer.script(),
                    e.getStatus());
            pause(1000);
            return;
        }
        if (answer.getOutcome() == Outcome.OUTCOME_SCRIPT_NOT_FOUND) {
            LOG.warnf("Queue %s: consumer worker %s is not deployed; holding messages", q.name(), consumer.script());
            pause(5000);
            return;
        }
        if (!answer.getError().isEmpty()) {
            LOG.infof("Queue %s: worker %s answered %s: %s", q.name(), consumer.script(), answer.getOutcome(),
                    answer.getError());
        }
        try {
            store(q, BatchOutcome.settle(batch, answer, consumer));
        } catch (MessageStorageException e) {
            // nothing is committed: the batch is delivered again (at-least-once)
            LOG.warnf("Queue %s: could not store the outcome of a batch (%s); it will be delivered again", q.name(),
                    e.getMessage());
            forget();
            throw new IllegalStateException("outcome not stored", e);
        }
        due.forEach(e -> pending.remove(e.getKey()));
        waitingSince = -1;
    }

    /** Retries go back to the queue's topic, dead letters to the dead-letter queue's; both stored before commit. */
    private void store(QueueRecord q, List<Settlement> settlements) throws MessageStorageException {
        long now = System.currentTimeMillis();
        List<StoredMessage> retries = new ArrayList<>();
        List<StoredMessage> dead = new ArrayList<>();
        for (Settlement s : settlements) {
            if (s instanceof Settlement.Retry r) {
                retries.add(r.message().retried(r.delaySeconds() == 0 ? 0 : now + r.delaySeconds() * 1000L));
            } else if (s instanceof Settlement.DeadLetter d) {
                dead.add(d.message().deadLettered());
            }
        }
        if (!retries.isEmpty()) {
            log.append(q.topic(), retries);
        }
        if (!dead.isEmpty()) {
            Optional<QueueRecord> dlq = deadLetterQueue.apply(q);
            if (dlq.isPresent()) {
                log.append(dlq.get().topic(), dead);
            } else {
                LOG.warnf("Queue %s: %d message(s) ran out of retries and were deleted (%s)", q.name(), dead.size(),
                        consumer.deadLetterQueue() == null || consumer.deadLetterQueue().isEmpty()
                                ? "no dead_letter_queue" : "dead_letter_queue " + consumer.deadLetterQueue() + " does not exist");
            }
        }
    }
}
