package dev.outpost.queue.messages;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import dev.outpost.queue.registry.QueueRecord;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;

/**
 * limits, as Cloudflare counts them: a message is at most 128 KB and a batch at most 100 messages and
 * 256 KB, where KB = 1000 bytes and each message counts about 100 bytes of metadata on top of its body; delays are
 * whole seconds from 0 to 43,200 (12 hours).
 */
public final class SendLimits {
    public static final int MAX_MESSAGE_BYTES = 128_000;
    public static final int MAX_BATCH_BYTES = 256_000;
    public static final int MAX_BATCH_MESSAGES = 100;
    public static final int METADATA_BYTES = 100;
    public static final int MAX_DELAY_SECONDS = 43_200;

    private SendLimits() {
    }

    public static void checkMessage(OutgoingMessage m) {
        int size = m.getBody().size() + METADATA_BYTES;
        if (size > MAX_MESSAGE_BYTES) {
            throw invalid("QUEUE_MESSAGE_TOO_LARGE", "Message too large: " + size + " bytes (body plus "
                    + METADATA_BYTES + " bytes of metadata) exceeds the limit of " + MAX_MESSAGE_BYTES + " bytes");
        }
        if (m.hasDelaySeconds()) {
            checkDelay(m.getDelaySeconds());
        }
    }

    public static void checkBatch(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            throw invalid("QUEUE_BATCH_EMPTY", "sendBatch() requires at least one message");
        }
        if (messages.size() > MAX_BATCH_MESSAGES) {
            throw invalid("QUEUE_BATCH_TOO_LARGE", "Batch contains too many messages: " + messages.size()
                    + " (the limit is " + MAX_BATCH_MESSAGES + ")");
        }
        long total = 0;
        for (OutgoingMessage m : messages) {
            checkMessage(m);
            total += m.getBody().size() + METADATA_BYTES;
        }
        if (total > MAX_BATCH_BYTES) {
            throw invalid("QUEUE_BATCH_TOO_LARGE", "Batch too large: " + total + " bytes exceeds the limit of "
                    + MAX_BATCH_BYTES + " bytes");
        }
    }

    /**
     * an HTTP pull consumer receives bodies as text or base64 and cannot decode {@code v8} (structured clone),
     * so a queue read by one refuses v8 messages when they are sent rather than holding them forever.
     */
    public static void checkPullable(QueueRecord queue, List<OutgoingMessage> messages) {
        boolean pulled = queue.consumers().stream().anyMatch(c -> "http_pull".equals(c.type()));
        if (pulled && messages.stream().anyMatch(m -> m.getContentType() == ContentType.CONTENT_TYPE_V8)) {
            throw invalid("QUEUE_V8_NOT_PULLABLE", "Queue '" + queue.name() + "' has an HTTP pull consumer, which"
                    + " cannot read messages of content type v8; send them as json, text or bytes");
        }
    }

    public static void checkDelay(int seconds) {
        if (seconds < 0 || seconds > MAX_DELAY_SECONDS) {
            throw invalid("QUEUE_INVALID_DELAY", "delaySeconds must be an integer between 0 and " + MAX_DELAY_SECONDS
                    + ", got " + seconds);
        }
    }

    private static StatusRuntimeException invalid(String code, String message) {
        return OutpostErrors.error(Status.Code.INVALID_ARGUMENT, code, message);
    }
}
