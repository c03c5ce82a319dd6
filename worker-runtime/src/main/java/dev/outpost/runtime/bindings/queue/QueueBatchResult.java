package dev.outpost.runtime.bindings.queue;

import java.util.List;
import java.util.Map;

/**
 * What a {@code queue()} invocation decided, as the worker recorded it: the outcome ({@code ok},
 * {@code exception}, {@code exceededCpu}, {@code exceededMemory}, {@code canceled}), the first of
 * {@code ackAll()}/{@code retryAll()}, and per message the first of {@code ack()}/{@code retry()}. The consumer
 * applies the precedence: per-message calls, then ackAll/retryAll, then the outcome.
 *
 * @param retryAllDelaySeconds null when retryAll() had no delay
 * @param retries              message id → delay in seconds (null = none given)
 */
public record QueueBatchResult(String outcome, boolean ackAll, boolean retryAll, Integer retryAllDelaySeconds,
        List<String> acks, Map<String, Integer> retries, String error) {

    public boolean ok() {
        return "ok".equals(outcome);
    }
}
