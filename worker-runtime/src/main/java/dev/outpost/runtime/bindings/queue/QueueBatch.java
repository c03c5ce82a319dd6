package dev.outpost.runtime.bindings.queue;

import java.util.List;

/**
 * A batch delivered to a worker's {@code queue(batch, env, ctx)} handler.
 *
 * @param queueName  the queue's name ({@code batch.queue})
 * @param messages   never empty
 * @param requestId  an identifier for the worker's log lines
 * @param attachment the embedder's attachment, as for {@code WorkerRequest#attachment()}; may be null
 */
public record QueueBatch(String queueName, List<Message> messages, String requestId, Object attachment) {

    /** One message: id, first-send timestamp, encoded body with its content type, attempts (from 1). */
    public record Message(String id, long timestampMs, byte[] body, String contentType, int attempts) {
    }

    public QueueBatch {
        messages = List.copyOf(messages);
    }
}
