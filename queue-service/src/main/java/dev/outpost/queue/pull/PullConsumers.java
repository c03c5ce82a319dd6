package dev.outpost.queue.pull;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.AckResponse;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.contracts.queue.v1.PullResponse;
import dev.outpost.contracts.queue.v1.Retry;
import dev.outpost.queue.messages.MessageLog;
import dev.outpost.queue.messages.MessageStorageException;
import dev.outpost.queue.messages.SendLimits;
import dev.outpost.queue.registry.QueueRecord;
import dev.outpost.queue.registry.QueueRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.google.protobuf.UnsafeByteOperations;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP pull consumers: one {@link PullLoop} per queue whose consumer is {@code http_pull} (reconciled with the
 * registry every second, and started at once by the first pull), and the pull and ack operations on its
 * {@link LeaseBook}. Short polling: a pull answers at once with what is visible, possibly nothing.
 */
@ApplicationScoped
public class PullConsumers {
    public static final int DEFAULT_BATCH_SIZE = 5;
    public static final int MAX_BATCH_SIZE = 100;
    public static final long MAX_VISIBILITY_TIMEOUT_MS = 43_200_000;

    private final QueueRegistry registry;
    private final PullSettlement settlement;
    private final String bootstrap;
    private final boolean enabled;
    private final int maxBuffered;
    private final Map<String, PullLoop> loops = new ConcurrentHashMap<>();
    private ScheduledExecutorService supervisor;

    public PullConsumers(QueueRegistry registry, MessageLog log,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "outpost.queue.delivery.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "outpost.queue.pull.max-buffered", defaultValue = "10000") int maxBuffered) {
        this.registry = registry;
        this.settlement = new PullSettlement(log, registry);
        this.bootstrap = bootstrap;
        this.enabled = enabled;
        this.maxBuffered = maxBuffered;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-pull-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(this::reconcile, 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        loops.values().forEach(PullLoop::stop);
    }

    void reconcile() {
        Set<String> wanted = new HashSet<>();
        for (QueueRecord q : registry.all()) {
            pullConsumer(q).ifPresent(c -> {
                wanted.add(key(q));
                loop(q, c);
            });
        }
        loops.keySet().removeIf(key -> {
            if (wanted.contains(key)) {
                return false;
            }
            loops.get(key).stop();
            return true;
        });
    }

    /** The queue's running loop, started or updated to its current settings. */
    private synchronized PullLoop loop(QueueRecord q, QueueRecord.ConsumerRecord c) {
        PullLoop loop = loops.get(key(q));
        if (loop != null && loop.alive() && loop.consumer().id().equals(c.id())) {
            loop.update(q, c);
            return loop;
        }
        if (loop != null) {
            loop.stop();
        }
        PullLoop fresh = new PullLoop(bootstrap, maxBuffered, settlement, q, c);
        loops.put(key(q), fresh);
        fresh.start();
        return fresh;
    }

    private static String key(QueueRecord q) {
        return q.accountId() + "/" + q.id();
    }

    private static Optional<QueueRecord.ConsumerRecord> pullConsumer(QueueRecord q) {
        return q.consumers().stream().filter(c -> "http_pull".equals(c.type())).findFirst();
    }

    /** The queue's loop, or a clear error when the queue is not read by an HTTP pull consumer. */
    private PullLoop loopOf(QueueRecord q) {
        QueueRecord.ConsumerRecord c = pullConsumer(q).orElseThrow(() -> {
            Optional<QueueRecord.ConsumerRecord> worker = q.consumers().stream().findFirst();
            return worker.isPresent()
                    ? error(Status.Code.FAILED_PRECONDITION, "QUEUE_HAS_PUSH_CONSUMER", "Queue '" + q.name()
                            + "' is consumed by worker '" + worker.get().script() + "' (push); pulling needs an"
                            + " http_pull consumer instead")
                    : error(Status.Code.FAILED_PRECONDITION, "QUEUE_NO_PULL_CONSUMER", "Queue '" + q.name()
                            + "' has no HTTP pull consumer; add one with {\"type\":\"http_pull\"}"
                            + " (wrangler queues consumer http add " + q.name() + ")");
        });
        if (!enabled) {
            throw error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE",
                    "This queue-service replica does not serve consumers (outpost.queue.delivery.enabled=false)");
        }
        return loop(q, c);
    }

    /** A purge deleted the queue's records before {@code offset}: none of them may be pulled or acked any more. */
    public void purged(QueueRecord q, long offset) {
        PullLoop loop = loops.get(key(q));
        if (loop != null) {
            loop.book.dropBefore(offset);
        }
    }

    /** Leases up to {@code batchSize} (0 = 5) visible messages for {@code visibilityMs} (0 = the consumer's). */
    public PullResponse pull(QueueRecord q, int batchSize, long visibilityMs) {
        int size = batchSize == 0 ? DEFAULT_BATCH_SIZE : batchSize;
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw invalid("batch_size must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (visibilityMs < 0 || visibilityMs > MAX_VISIBILITY_TIMEOUT_MS) {
            throw invalid("visibility_timeout_ms must be between 1 and " + MAX_VISIBILITY_TIMEOUT_MS + ", got "
                    + visibilityMs);
        }
        PullLoop loop = loopOf(q);
        PullResponse.Builder out = PullResponse.newBuilder();
        if (q.deliveryPaused()) {
            return out.build();
        }
        long visibility = visibilityMs == 0 ? loop.consumer().visibilityTimeoutMs() : visibilityMs;
        LeaseBook.Batch batch = loop.book.lease(size, visibility, System.currentTimeMillis());
        if (batch.messages().isEmpty() && batch.v8Skipped() > 0) {
            throw error(Status.Code.FAILED_PRECONDITION, "QUEUE_V8_NOT_PULLABLE", batch.v8Skipped()
                    + " message(s) waiting on queue '" + q.name() + "' have content type v8, which an HTTP pull"
                    + " consumer cannot read (they were sent before the queue had one); purge the queue or consume"
                    + " them with a worker");
        }
        for (LeaseBook.Leased m : batch.messages()) {
            out.addMessages(DeliveredMessage.newBuilder().setId(m.message().id())
                    .setTimestampMs(m.message().timestampMs()).setBody(UnsafeByteOperations.unsafeWrap(m.message().body()))
                    .setContentType(m.message().contentType()).setAttempts(m.message().attempts())
                    .setLeaseId(m.leaseId()).setSource(m.message().source()));
        }
        return out.setBacklogCount(loop.book.size()).build();
    }

    /**
     * Acks and retries by lease. Every lease id and delay is checked before anything changes; a lease that is no
     * longer held (already settled, or leased again to someone else) is a warning, not an error.
     */
    public AckResponse ack(QueueRecord q, List<String> acks, List<Retry> retries) {
        for (String lease : acks) {
            checkLease(lease);
        }
        for (Retry r : retries) {
            checkLease(r.getLeaseId());
            if (r.hasDelaySeconds()) {
                SendLimits.checkDelay(r.getDelaySeconds());
            }
        }
        PullLoop loop = loopOf(q);
        QueueRecord.ConsumerRecord consumer = loop.consumer();
        long now = System.currentTimeMillis();
        List<String> warnings = new ArrayList<>();
        int acked = 0;
        for (String lease : acks) {
            LeaseBook.Entry e = loop.book.claim(lease, now);
            if (e == null) {
                warnings.add(notHeld(lease));
            } else {
                loop.book.settle(e);
                acked++;
            }
        }
        List<PullSettlement.RetryOf> claimed = new ArrayList<>();
        for (Retry r : retries) {
            LeaseBook.Entry e = loop.book.claim(r.getLeaseId(), now);
            if (e == null) {
                warnings.add(notHeld(r.getLeaseId()));
            } else {
                claimed.add(new PullSettlement.RetryOf(e, r.hasDelaySeconds() ? r.getDelaySeconds() : consumer.retryDelay()));
            }
        }
        try {
            if (!claimed.isEmpty()) {
                warnings.addAll(settlement.retry(q, consumer, loop.book, claimed));
            }
        } catch (MessageStorageException e) {
            throw error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE", "Could not store the retries ("
                    + e.getMessage() + "); " + acked + " message(s) were acknowledged, the retried leases are unchanged");
        }
        return AckResponse.newBuilder().setAckCount(acked).setRetryCount(claimed.size()).addAllWarnings(warnings).build();
    }

    private static String notHeld(String lease) {
        return "Lease " + lease + " is not held: the message was acknowledged or retried already, or its visibility"
                + " timeout passed and it was pulled again";
    }

    private static void checkLease(String lease) {
        if (lease == null || !LeaseBook.LEASE_ID.matcher(lease).matches()) {
            throw error(Status.Code.INVALID_ARGUMENT, "QUEUE_INVALID_LEASE", "Invalid lease_id '" + lease
                    + "': use a lease_id from a pull of this queue");
        }
    }

    private static StatusRuntimeException invalid(String message) {
        return error(Status.Code.INVALID_ARGUMENT, "QUEUE_INVALID", message);
    }

    private static StatusRuntimeException error(Status.Code code, String outpostCode, String message) {
        return OutpostErrors.error(code, outpostCode, message);
    }
}
