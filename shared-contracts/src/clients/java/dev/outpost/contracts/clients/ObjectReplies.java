package dev.outpost.contracts.clients;

import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.durableobject.v1.ObjectCallResponse;
import dev.outpost.contracts.durableobject.v1.ObjectFetchResponse;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.glue.JsonText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Durable Object shard's answers as a stub sees them (DO-5), for the gateway's stubs and those inside objects:
 * the parts of a Fetch as one response, a Call's reply as the runtime's outcome JSON.
 */
public final class ObjectReplies {
    /** The prefix durable-objects.js reads as "retryable". */
    public static final String RETRYABLE = "[retryable] ";

    private ObjectReplies() {
    }

    public static WorkerResponse response(List<ObjectFetchResponse> parts) {
        HttpResponse head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ObjectFetchResponse part : parts) {
            if (part.hasHead()) {
                head = part.getHead();
                body.writeBytes(head.getBody().toByteArray());
            } else {
                body.writeBytes(part.getChunk().toByteArray());
            }
        }
        if (head == null) {
            throw new BindingException(RETRYABLE + "Durable Object fetch returned no response.");
        }
        return HttpMessages.response(head, body.toByteArray());
    }

    /** DO-5/SVC-3: the result, or the object's exception with its name and message (no remote stack). */
    public static String outcome(ObjectCallResponse reply) {
        if (reply.hasError()) {
            StringBuilder sb = new StringBuilder("{\"ok\":false,\"error\":{\"name\":");
            JsonText.quote(sb, reply.getError().getName()).append(",\"message\":");
            JsonText.quote(sb, reply.getError().getMessage()).append("}}");
            return sb.toString();
        }
        return reply.getResult().toString(StandardCharsets.UTF_8);
    }
}
