package dev.outpost.queue.messages;

import dev.outpost.contracts.queue.v1.ContentType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A message as it lives in a queue's topic: key = message id, value = the encoded body, headers for its content
 * type, first-send timestamp, the attempt its next delivery is (from 1, Q-5) and the time before which it must not
 * be delivered (Q-4 delays, Q-7 retry delays). A retry or a move to the dead-letter queue writes a new record with
 * the same id and timestamp.
 */
public record StoredMessage(String id, long timestampMs, byte[] body, ContentType contentType, int attempts,
        long notBeforeMs, String source) {
    /** Q-9 "CF-sourceMessageSource" of a message sent by a worker's binding. */
    public static final String FROM_WORKER = "worker";
    /** ... and of one published over HTTP. */
    public static final String FROM_API = "api";

    static final String CONTENT_TYPE = "outpost-content-type";
    static final String TIMESTAMP = "outpost-timestamp";
    static final String ATTEMPTS = "outpost-attempts";
    static final String NOT_BEFORE = "outpost-not-before";
    static final String SOURCE = "outpost-source";

    /** A message sent by a worker's binding. */
    public StoredMessage(String id, long timestampMs, byte[] body, ContentType contentType, int attempts,
            long notBeforeMs) {
        this(id, timestampMs, body, contentType, attempts, notBeforeMs, FROM_WORKER);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE, contentType.name().getBytes(StandardCharsets.US_ASCII));
        headers.add(TIMESTAMP, Long.toString(timestampMs).getBytes(StandardCharsets.US_ASCII));
        headers.add(ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.US_ASCII));
        headers.add(NOT_BEFORE, Long.toString(notBeforeMs).getBytes(StandardCharsets.US_ASCII));
        headers.add(SOURCE, source.getBytes(StandardCharsets.US_ASCII));
        return new ProducerRecord<>(topic, 0, id, body, headers);
    }

    public static StoredMessage fromRecord(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CONTENT_TYPE, ContentType.CONTENT_TYPE_JSON.name());
        ContentType contentType;
        try {
            contentType = ContentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            contentType = ContentType.CONTENT_TYPE_BYTES;
        }
        return new StoredMessage(record.key() == null ? "" : record.key(),
                Long.parseLong(header(record, TIMESTAMP, Long.toString(record.timestamp()))),
                record.value() == null ? new byte[0] : record.value(), contentType,
                Integer.parseInt(header(record, ATTEMPTS, "1")), Long.parseLong(header(record, NOT_BEFORE, "0")),
                header(record, SOURCE, FROM_WORKER));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name, String fallback) {
        Header h = record.headers().lastHeader(name);
        return h == null ? fallback : new String(h.value(), StandardCharsets.US_ASCII);
    }

    /** The same message for its next attempt, not before {@code notBeforeMs}. */
    public StoredMessage retried(long notBeforeMs) {
        return new StoredMessage(id, timestampMs, body, contentType, attempts + 1, notBeforeMs, source);
    }

    /** The same message (id, timestamp) as the dead-letter queue receives it: a first attempt, due now. */
    public StoredMessage deadLettered() {
        return new StoredMessage(id, timestampMs, body, contentType, 1, 0, source);
    }
}
