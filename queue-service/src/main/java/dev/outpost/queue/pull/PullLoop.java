package dev.outpost.queue.pull;

import dev.outpost.queue.messages.QueueTopicLoop;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds one queue's {@link LeaseBook} from its topic, on its own thread, as the queue's consumer group (the same
 * group as push delivery, so backlog metrics count alike and among replicas one reads). Each turn it reads what is
 * new (pausing while {@code maxBuffered} messages wait unsettled), sends expired leases back through
 * {@link PullSettlement} (their next attempt, or the dead-letter queue), drops what a purge deleted, and moves the
 * group's offset to the first unsettled message.
 */
final class PullLoop extends QueueTopicLoop {
    private final int maxBuffered;
    private final PullSettlement settlement;
    final LeaseBook book = new LeaseBook();
    private volatile QueueRecord.ConsumerRecord consumer;

    PullLoop(String bootstrap, int maxBuffered, PullSettlement settlement, QueueRecord queue,
            QueueRecord.ConsumerRecord consumer) {
        super(bootstrap, "queue-pull-", queue);
        this.maxBuffered = maxBuffered;
        this.settlement = settlement;
        this.consumer = consumer;
    }

    QueueRecord.ConsumerRecord consumer() {
        return consumer;
    }

    /** Settings changed (the queue's, or the consumer's retries, dead-letter queue, visibility timeout): no restart. */
    void update(QueueRecord q, QueueRecord.ConsumerRecord c) {
        this.queue = q;
        this.consumer = c;
    }

    @Override
    protected void turn(KafkaConsumer<String, byte[]> kafka, TopicPartition partition) {
        if (book.size() >= maxBuffered) {
            kafka.pause(kafka.assignment());
        } else if (!kafka.paused().isEmpty()) {
            kafka.resume(kafka.paused());
        }
        for (ConsumerRecord<String, byte[]> r : kafka.poll(Duration.ofMillis(100))) {
            book.add(r.offset(), StoredMessage.fromRecord(r));
        }
        settlement.expire(queue, consumer, book);
        dropPurged(kafka, partition);
        commitUpTo(kafka, partition, book.commitOffset());
    }

    @Override
    protected void dropBefore(long logStart) {
        book.dropBefore(logStart);
    }

    @Override
    protected void forget() {
        book.clear();
    }
}
