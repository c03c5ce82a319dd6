package dev.outpost.runtime;

import dev.outpost.runtime.glue.JsonText;

import java.util.Objects;

/**
 * Which Durable Object an event is for (DO-4, DO-6): the exported class to instantiate, the object's id (and name
 * for ids made by {@code idFromName}), and the key its storage is kept under. One live instance per id per isolate.
 *
 * @param className   the exported class of the worker's main module
 * @param objectId    64 lowercase hex digits
 * @param name        the name of an {@code idFromName} id, or null
 * @param storageKey  what {@link dev.outpost.runtime.bindings.DurableObjectStorage} calls are keyed by
 * @param sqlite      whether the class was created by {@code new_sqlite_classes} (DO-9: {@code ctx.storage.sql})
 */
public record DurableObjectTarget(String className, String objectId, String name, String storageKey, boolean sqlite) {
    public DurableObjectTarget {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(storageKey, "storageKey");
    }

    /** The JSON durable-object-host.js reads. */
    public String json() {
        StringBuilder sb = new StringBuilder("{\"c\":");
        JsonText.quote(sb, className).append(",\"id\":");
        JsonText.quote(sb, objectId).append(",\"k\":");
        JsonText.quote(sb, storageKey).append(",\"sql\":").append(sqlite);
        if (name != null) {
            JsonText.quote(sb.append(",\"n\":"), name);
        }
        return sb.append('}').toString();
    }

    /**
     * DO-12: the JSON of this object's alarm event — durable-object-host.js calls {@code alarm({retryCount,
     * isRetry})} instead of an RPC member; sent with {@link Invocation#object} through {@code LoadedWorker.call}.
     */
    public String alarmJson(int retryCount, long scheduledTime) {
        String json = json();
        return json.substring(0, json.length() - 1) + ",\"alarm\":{\"retryCount\":" + retryCount
                + ",\"scheduledTime\":" + scheduledTime + "}}";
    }
}
