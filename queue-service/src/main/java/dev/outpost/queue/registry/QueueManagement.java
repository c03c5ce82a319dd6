package dev.outpost.queue.registry;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Queue management (API-8) with Cloudflare's rules: names unique per account, settings within their bounds,
 * one consumer per queue. Errors are gRPC statuses with an Outpost code the gateway maps to Cloudflare's envelope.
 */
@ApplicationScoped
public class QueueManagement {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Cloudflare's default retention: 4 days. */
    public static final int DEFAULT_RETENTION = 345_600;

    private final QueueRegistry registry;

    public QueueManagement(QueueRegistry registry) {
        this.registry = registry;
    }

    public QueueRecord create(String accountId, String name, int deliveryDelay, int retention) {
        checkName(name);
        checkSettings(deliveryDelay, retention == 0 ? DEFAULT_RETENTION : retention);
        if (registry.byName(accountId, name).isPresent()) {
            throw error(Status.Code.ALREADY_EXISTS, "QUEUE_NAME_TAKEN", "A queue named '" + name + "' already exists");
        }
        long now = System.currentTimeMillis();
        QueueRecord record = new QueueRecord(accountId, UUID.randomUUID().toString().replace("-", ""), name, now, now,
                deliveryDelay, retention == 0 ? DEFAULT_RETENTION : retention, false, List.of());
        return stored(() -> registry.create(record));
    }

    /** By id, or by name when no id is given. */
    public QueueRecord find(String accountId, String id, String name) {
        var found = id != null && !id.isEmpty() ? registry.byId(accountId, id)
                : name != null && !name.isEmpty() ? registry.byName(accountId, name) : java.util.Optional.<QueueRecord>empty();
        return found.orElseThrow(() -> error(Status.Code.NOT_FOUND, "QUEUE_NOT_FOUND", "Queue does not exist"));
    }

    /** The account's queues, oldest first, optionally only those named (the gRPC service pages them). */
    public List<QueueRecord> list(String accountId, List<String> names) {
        return registry.list(accountId).stream().filter(q -> names.isEmpty() || names.contains(q.name())).toList();
    }

    /** Replaces the settings (and the name, when given). */
    public QueueRecord update(QueueRecord q, String newName, int deliveryDelay, int retention, boolean paused) {
        String name = newName == null || newName.isEmpty() ? q.name() : newName;
        if (!name.equals(q.name())) {
            checkName(name);
            if (registry.byName(q.accountId(), name).isPresent()) {
                throw error(Status.Code.ALREADY_EXISTS, "QUEUE_NAME_TAKEN", "A queue named '" + name + "' already exists");
            }
        }
        int keptRetention = retention == 0 ? q.messageRetentionPeriod() : retention;
        checkSettings(deliveryDelay, keptRetention);
        QueueRecord changed = new QueueRecord(q.accountId(), q.id(), name, q.createdOnMs(), System.currentTimeMillis(),
                deliveryDelay, keptRetention, paused, q.consumers());
        return stored(() -> registry.put(changed));
    }

    public void delete(QueueRecord q) {
        stored(() -> {
            registry.delete(q);
            return q;
        });
    }

    /** Adds or replaces the queue's consumer (a queue has at most one, as on Cloudflare). */
    public QueueRecord.ConsumerRecord putConsumer(QueueRecord q, QueueRecord.ConsumerRecord wanted) {
        if (!"worker".equals(wanted.type()) && !"http_pull".equals(wanted.type())) {
            throw invalid("consumer type must be \"worker\" or \"http_pull\", got '" + wanted.type() + "'");
        }
        if ("worker".equals(wanted.type()) && (wanted.script() == null || wanted.script().isEmpty())) {
            throw invalid("a worker consumer needs a script_name");
        }
        check(wanted.batchSize(), 1, 100, "batch_size");
        check(wanted.maxRetries(), 0, 100, "max_retries");
        check(wanted.maxWaitTimeMs(), 0, 60_000, "max_wait_time_ms");
        check(wanted.maxConcurrency(), 0, 250, "max_concurrency");
        check(wanted.retryDelay(), 0, 43_200, "retry_delay");
        // a pull consumer's default lease, up to 12 hours
        if (wanted.visibilityTimeoutMs() < 1 || wanted.visibilityTimeoutMs() > 43_200_000) {
            throw invalid("visibility_timeout_ms must be between 1 and 43200000, got " + wanted.visibilityTimeoutMs());
        }
        if (wanted.deadLetterQueue() != null && !wanted.deadLetterQueue().isEmpty()) {
            if (wanted.deadLetterQueue().equals(q.name())) {
                throw invalid("a queue cannot be its own dead letter queue");
            }
            checkName(wanted.deadLetterQueue());
        }
        List<QueueRecord.ConsumerRecord> others = q.consumers().stream()
                .filter(c -> wanted.id() == null || !c.id().equals(wanted.id())).toList();
        if (wanted.id() != null && others.size() == q.consumers().size()) {
            throw error(Status.Code.NOT_FOUND, "CONSUMER_NOT_FOUND", "Consumer does not exist");
        }
        if (!others.isEmpty()) {
            throw error(Status.Code.ALREADY_EXISTS, "QUEUE_HAS_CONSUMER",
                    "Queue '" + q.name() + "' already has a consumer; delete it first");
        }
        long now = System.currentTimeMillis();
        QueueRecord.ConsumerRecord consumer = new QueueRecord.ConsumerRecord(
                wanted.id() == null ? UUID.randomUUID().toString().replace("-", "") : wanted.id(), wanted.type(),
                wanted.script(), wanted.deadLetterQueue(), wanted.batchSize(), wanted.maxRetries(), wanted.maxWaitTimeMs(),
                wanted.maxConcurrency(), wanted.retryDelay(), wanted.visibilityTimeoutMs(), now);
        List<QueueRecord.ConsumerRecord> consumers = new ArrayList<>(others);
        consumers.add(consumer);
        stored(() -> registry.put(withConsumers(q, consumers)));
        return consumer;
    }

    public void deleteConsumer(QueueRecord q, String consumerId) {
        List<QueueRecord.ConsumerRecord> kept = q.consumers().stream().filter(c -> !c.id().equals(consumerId)).toList();
        if (kept.size() == q.consumers().size()) {
            throw error(Status.Code.NOT_FOUND, "CONSUMER_NOT_FOUND", "Consumer does not exist");
        }
        stored(() -> registry.put(withConsumers(q, kept)));
    }

    private static QueueRecord withConsumers(QueueRecord q, List<QueueRecord.ConsumerRecord> consumers) {
        return new QueueRecord(q.accountId(), q.id(), q.name(), q.createdOnMs(), System.currentTimeMillis(),
                q.deliveryDelay(), q.messageRetentionPeriod(), q.deliveryPaused(), consumers);
    }

    private interface Storing {
        QueueRecord run() throws QueueStorageException;
    }

    private static QueueRecord stored(Storing action) {
        try {
            return action.run();
        } catch (QueueStorageException e) {
            throw error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE", e.getMessage());
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("Queue name '" + name + "' is invalid: use 1-63 lowercase letters, digits and dashes,"
                    + " starting and ending with a letter or digit");
        }
    }

    private static void checkSettings(int deliveryDelay, int retention) {
        check(deliveryDelay, 0, 86_400, "delivery_delay");
        check(retention, 60, 1_209_600, "message_retention_period");
    }

    private static void check(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static StatusRuntimeException invalid(String message) {
        return error(Status.Code.INVALID_ARGUMENT, "QUEUE_INVALID", message);
    }

    private static StatusRuntimeException error(Status.Code code, String outpostCode, String message) {
        return OutpostErrors.error(code, outpostCode, message);
    }
}
