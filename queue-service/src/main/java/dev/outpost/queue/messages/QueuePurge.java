package dev.outpost.queue.messages;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.PurgeStatus;
import dev.outpost.queue.registry.QueueRecord;
import io.grpc.Status;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purging a queue (API-8): Kafka deletes every record of the queue's topic stored so far (the log start moves to
 * the end offset), which is shared by every replica; the push and pull loops see the new log start and forget the
 * messages they had read from before it. Messages sent after the purge are kept. The purge is complete when Kafka
 * answers, so its status is known at once; it is remembered in memory only (a restart forgets when it happened).
 */
@ApplicationScoped
public class QueuePurge {
    private final String bootstrap;
    private final Map<String, Long> purgedAt = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public QueuePurge(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Deletes what the queue's topic holds now; answers the offset before which everything is gone. */
    public long purge(QueueRecord q) {
        long started = System.currentTimeMillis();
        TopicPartition tp = new TopicPartition(q.topic(), 0);
        long before;
        try {
            ListOffsetsResult.ListOffsetsResultInfo end = admin().listOffsets(Map.of(tp, OffsetSpec.latest()))
                    .partitionResult(tp).get(10, TimeUnit.SECONDS);
            before = end.offset();
            admin().deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(before))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw OutpostErrors.error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE",
                    "Kafka did not purge the queue: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OutpostErrors.error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE", "interrupted");
        }
        purgedAt.put(q.id(), started);
        return before;
    }

    public PurgeStatus status(QueueRecord q) {
        Long at = purgedAt.get(q.id());
        return PurgeStatus.newBuilder().setCompleted(true).setStartedAtMs(at == null ? 0 : at).build();
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties p = new Properties();
                    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    admin = Admin.create(p);
                }
                a = admin;
            }
        }
        return a;
    }

    void stop(@Observes ShutdownEvent event) {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
