package dev.outpost.runtime.io;

import dev.outpost.runtime.bindings.queue.QueueBatch;
import dev.outpost.runtime.glue.JsonText;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A queue batch as the one JSON text queue-consumer.js reads: {@code {queue, messages:[{id, timestamp,
 * contentType, attempts, body}]}}, bodies as text for text/json/v8 and base64 for bytes. One crossing per batch.
 */
final class QueueBatchJson {
    private QueueBatchJson() {
    }

    static String encode(QueueBatch batch) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"queue\":");
        JsonText.quote(sb, batch.queueName());
        sb.append(",\"messages\":[");
        boolean first = true;
        for (QueueBatch.Message m : batch.messages()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"id\":");
            JsonText.quote(sb, m.id());
            sb.append(",\"timestamp\":").append(m.timestampMs()).append(",\"attempts\":").append(m.attempts())
                    .append(",\"contentType\":");
            JsonText.quote(sb, m.contentType());
            sb.append(",\"body\":");
            String body = "bytes".equals(m.contentType()) ? Base64.getEncoder().encodeToString(m.body())
                    : new String(m.body(), StandardCharsets.UTF_8);
            JsonText.quote(sb, body);
            sb.append('}');
        }
        return sb.append("]}").toString();
    }
}
