package dev.outpost.queue.messages;

import dev.outpost.contracts.queue.v1.QueueMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A queue's backlog (Q-2 {@code metrics()}): the messages after its consumer group's committed offset.
 * {@code backlogCount} is exact (end offset minus committed offset); {@code backlogBytes} and
 * {@code oldestMessageTimestamp} are read from the first {@value #SAMPLE} waiting records, and the bytes are
 * extrapolated from them when more are waiting. One peeking consumer per process, used under a lock.
 */
@ApplicationScoped
public class BacklogMetrics {
    static final int SAMPLE = 500;
    private final String bootstrap;
    private KafkaConsumer<String, byte[]> peek;
    private org.apache.kafka.clients.admin.Admin admin;

    public BacklogMetrics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Only {@code backlogCount}, from offsets: cheap enough to answer every send with. */
    public synchronized QueueMetrics count(String queueId, String topic) throws MessageStorageException {
        try {
            KafkaConsumer<String, byte[]> c = consumer();
            TopicPartition tp = new TopicPartition(topic, 0);
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            long begin = c.beginningOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            OffsetAndMetadata at = committed(queueId, tp).get(tp);
            long from = Math.max(begin, at == null ? begin : at.offset());
            return QueueMetrics.newBuilder().setBacklogCount(Math.max(0, end - from)).build();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new MessageStorageException("could not read the queue's backlog: " + e.getMessage(), e);
        }
    }

    public synchronized QueueMetrics of(String queueId, String topic) throws MessageStorageException {
        try {
            KafkaConsumer<String, byte[]> c = consumer();
            TopicPartition tp = new TopicPartition(topic, 0);
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            long begin = c.beginningOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            Map<TopicPartition, OffsetAndMetadata> committed = committed(queueId, tp);
            OffsetAndMetadata at = committed.get(tp);
            long from = Math.max(begin, at == null ? begin : at.offset());
            long count = Math.max(0, end - from);
            if (count == 0) {
                return QueueMetrics.newBuilder().build();
            }
            c.assign(List.of(tp));
            c.seek(tp, from);
            long bytes = 0;
            long oldest = Long.MAX_VALUE;
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (read < Math.min(count, SAMPLE) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (read >= SAMPLE) {
                        break;
                    }
                    StoredMessage m = StoredMessage.fromRecord(r);
                    bytes += m.body().length + SendLimits.METADATA_BYTES;
                    oldest = Math.min(oldest, m.timestampMs());
                    read++;
                }
            }
            c.unsubscribe();
            if (read > 0 && read < count) {
                bytes = bytes * count / read;
            }
            return QueueMetrics.newBuilder().setBacklogCount(count).setBacklogBytes(bytes)
                    .setOldestMessageTimestampMs(oldest == Long.MAX_VALUE ? 0 : oldest).build();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new MessageStorageException("could not read the queue's backlog: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String queueId, TopicPartition tp)
            throws MessageStorageException {
        if (admin == null) {
            Properties p = new Properties();
            p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            admin = org.apache.kafka.clients.admin.Admin.create(p);
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> out = admin.listConsumerGroupOffsets(ConsumerGroups.of(queueId))
                    .partitionsToOffsetAndMetadata().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return out == null ? Map.of() : out;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new MessageStorageException("could not read the queue's consumer offset: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageStorageException("interrupted", e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, SAMPLE);
        return p;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (peek == null) {
            peek = new KafkaConsumer<>(properties(), new StringDeserializer(), new ByteArrayDeserializer());
        }
        return peek;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (peek != null) {
            peek.close(Duration.ofSeconds(2));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
