package dev.outpost.queue.messages;

import dev.outpost.queue.registry.QueueRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One thread reading one queue's topic as the queue's consumer group (push delivery and pull consumers alike, so
 * with several queue-service replicas exactly one reads, and backlog metrics count the same way). This class owns
 * the thread and the Kafka consumer's lifecycle: subscribe, call {@link #turn} until stopped, start over from the
 * committed offset after an error (after {@code forget()}), leave the group cleanly on {@link #stop()} (a wakeup,
 * not an interrupt). Subclasses keep what they read until it is settled and commit with {@link #commitUpTo}.
 */
public abstract class QueueTopicLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(QueueTopicLoop.class);
    private static final long LOG_START_CHECK_MS = 1000;
    private static final long RESTART_PAUSE_MS = 2000;

    private final String bootstrap;
    private final String threadPrefix;
    protected volatile QueueRecord queue;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> current;
    private long committed = -1;
    private long logStartCheckedAt;

    protected QueueTopicLoop(String bootstrap, String threadPrefix, QueueRecord queue) {
        this.bootstrap = bootstrap;
        this.threadPrefix = threadPrefix;
        this.queue = queue;
    }

    public final QueueRecord queue() {
        return queue;
    }

    /** Whether this replica reads the queue's partition now (another replica may, with several). */
    public final boolean assigned() {
        return assigned;
    }

    public final void start() {
        Thread t = new Thread(this, threadPrefix + queue.name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops after the current turn; a wakeup (not an interrupt) lets the consumer leave its group cleanly. */
    public final void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = current;
        if (c != null) {
            c.wakeup();
        }
    }

    public final boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    protected final boolean running() {
        return running;
    }

    @Override
    public final void run() {
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
                        // another replica takes over from the committed offset
                        assigned = false;
                        restart();
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        restart();
                        assigned = partitions.contains(partition);
                    }
                });
                while (running) {
                    turn(kafka, partition);
                }
            } catch (InterruptException | WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Reading queue %s (%s) stopped (%s); starting over from the committed offset", queue.name(),
                        getClass().getSimpleName(), e.toString());
                restart();
                if (!pause(RESTART_PAUSE_MS)) {
                    return;
                }
            } finally {
                assigned = false;
            }
        }
    }

    /** One round: poll, settle what is due, {@link #dropPurged}, {@link #commitUpTo}. */
    protected abstract void turn(KafkaConsumer<String, byte[]> kafka, TopicPartition partition);

    /** Drops everything read and not yet settled: the next reader starts from the committed offset. */
    protected abstract void forget();

    /** A purge (API-8) deleted the records before this offset, maybe on another replica. */
    protected abstract void dropBefore(long logStart);

    /** Extra consumer settings (e.g. a longer poll interval while a delivery may take long). */
    protected void configure(Properties properties) {
    }

    private void restart() {
        forget();
        committed = -1;
    }

    /** Checks the log start at most once a second and drops what a purge deleted. */
    protected final void dropPurged(KafkaConsumer<String, byte[]> kafka, TopicPartition partition) {
        long now = System.currentTimeMillis();
        if (!assigned || now - logStartCheckedAt < LOG_START_CHECK_MS) {
            return;
        }
        logStartCheckedAt = now;
        Long start = kafka.beginningOffsets(List.of(partition), Duration.ofSeconds(5)).get(partition);
        if (start != null && start > 0) {
            dropBefore(start);
        }
    }

    /** Moves the group's offset to {@code next} (the first message not yet settled) if that is ahead. */
    protected final void commitUpTo(KafkaConsumer<String, byte[]> kafka, TopicPartition partition, long next) {
        if (next > committed) {
            kafka.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
            committed = next;
        }
    }

    /** Sleeps; false (and stopping) when interrupted. */
    protected final boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, ConsumerGroups.of(queue.id()));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        configure(p);
        return p;
    }
}
