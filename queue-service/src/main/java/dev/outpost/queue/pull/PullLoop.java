package dev.outpost.queue.pull;

import dev.outpost.queue.messages.ConsumerGroups;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Feeds one queue's {@link LeaseBook} from its topic, on its own thread, as the queue's consumer group (the same
 * group as push delivery, so backlog metrics count alike and among replicas one reads). Each turn it reads what is
 * new (pausing while {@code maxBuffered} messages wait unsettled), sends expired leases back through
 * {@link PullSettlement} (their next attempt, or the dead-letter queue), drops what a purge deleted, and moves the
 * group's offset to the first unsettled message.
 */
final class PullLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(PullLoop.class);
    private static final long LOG_START_CHECK_MS = 1000;

    private final String bootstrap;
    private final int maxBuffered;
    private final PullSettlement settlement;
    final LeaseBook book = new LeaseBook();
    private volatile QueueRecord queue;
    private volatile QueueRecord.ConsumerRecord consumer;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> current;
    private long committed = -1;
    private long logStartCheckedAt;

    PullLoop(String bootstrap, int maxBuffered, PullSettlement settlement, QueueRecord queue,
            QueueRecord.ConsumerRecord consumer) {
        this.bootstrap = bootstrap;
        this.maxBuffered = maxBuffered;
        this.settlement = settlement;
        this.queue = queue;
        this.consumer = consumer;
    }

    QueueRecord queue() {
        return queue;
    }

    QueueRecord.ConsumerRecord consumer() {
        return consumer;
    }

    /** Settings changed (the queue's, or the consumer's retries, dead-letter queue, visibility timeout): no restart. */
    void update(QueueRecord q, QueueRecord.ConsumerRecord c) {
        this.queue = q;
        this.consumer = c;
    }

    /** Whether this replica reads the queue's partition now (another replica may, with several). */
    boolean assigned() {
        return assigned;
    }

    void start() {
        Thread t = new Thread(this, "queue-pull-" + queue.name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = current;
        if (c != null) {
            c.wakeup();
        }
    }

    boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                current = kafka;
                if (!running) {
                    return;
                }
                TopicPartition partition = new TopicPartition(queue.topic(), 0);
                kafka.subscribe(List.of(queue.topic()), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        assigned = false;
                        forget();
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        forget();
                        assigned = partitions.contains(partition);
                    }
                });
                while (running) {
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
                    commit(kafka, partition);
                }
            } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Pull consumer of queue %s stopped (%s); starting over from the committed offset",
                        queue.name(), e.toString());
                forget();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                assigned = false;
            }
        }
    }

    private void forget() {
        book.clear();
        committed = -1;
    }

    /** A purge deletes records up to the end of the log (any replica may have done it): forget those read before. */
    private void dropPurged(KafkaConsumer<String, byte[]> kafka, TopicPartition partition) {
        long now = System.currentTimeMillis();
        if (!assigned || now - logStartCheckedAt < LOG_START_CHECK_MS) {
            return;
        }
        logStartCheckedAt = now;
        Long start = kafka.beginningOffsets(List.of(partition), Duration.ofSeconds(5)).get(partition);
        if (start != null && start > 0) {
            book.dropBefore(start);
        }
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, TopicPartition partition) {
        long next = book.commitOffset();
        if (next > committed) {
            kafka.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
            committed = next;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, ConsumerGroups.of(queue.id()));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return p;
    }
}
