package dev.outpost.queue.delivery;

import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.MessageRetry;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a consumer's answer into one {@link Settlement} per message. Precedence: the message's own
 * ack()/retry() (the worker kept only the first), then ackAll()/retryAll() (the first of them), then the
 * invocation: success acks, a throw, rejected waitUntil or exceeded limit retries. A retry waits for its explicit
 * delay, else the consumer's {@code retry_delay}; a message whose retries are used up ({@code attempts >
 * max_retries}) is dead-lettered.
 */
public final class BatchOutcome {
    private BatchOutcome() {
    }

    public static List<Settlement> settle(List<StoredMessage> batch, DeliverBatchResponse answer,
            QueueRecord.ConsumerRecord consumer) {
        Set<String> acks = new HashSet<>(answer.getExplicitAcksList());
        Map<String, MessageRetry> retries = new HashMap<>();
        for (MessageRetry r : answer.getRetryMessagesList()) {
            retries.putIfAbsent(r.getMessageId(), r);
        }
        boolean ok = answer.getOutcome() == Outcome.OUTCOME_OK;
        List<Settlement> out = new ArrayList<>(batch.size());
        for (StoredMessage m : batch) {
            Integer retryDelay;
            if (acks.contains(m.id())) {
                retryDelay = null;
            } else if (retries.containsKey(m.id())) {
                MessageRetry r = retries.get(m.id());
                retryDelay = r.hasDelaySeconds() ? r.getDelaySeconds() : consumer.retryDelay();
            } else if (answer.getAckAll()) {
                retryDelay = null;
            } else if (answer.getRetryAll()) {
                retryDelay = answer.hasRetryAllDelaySeconds() ? answer.getRetryAllDelaySeconds() : consumer.retryDelay();
            } else {
                retryDelay = ok ? null : consumer.retryDelay();
            }
            if (retryDelay == null) {
                out.add(new Settlement.Ack(m));
            } else if (m.attempts() > consumer.maxRetries()) {
                out.add(new Settlement.DeadLetter(m));
            } else {
                out.add(new Settlement.Retry(m, retryDelay));
            }
        }
        return out;
    }
}
