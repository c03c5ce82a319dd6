package dev.outpost.runtime.bindings;

/**
 * The storage of Durable Objects hosted in an isolate (DO-8, DO-9): the embedder (durable-object-service) keeps one
 * database per object. Calls are synchronous on the isolate's thread, as workerd's SQLite-backed storage is: the
 * object's events are serialised, so a call never waits behind another object's, and a write has committed before
 * the call returns, so nothing the object answers afterwards can get ahead of it (the output gate).
 */
public interface DurableObjectStorage {
    /**
     * Runs one storage operation, described by the JSON that durable-object-host.js sends
     * ({@code {"op":"get","keys":[...]}} and so on), and returns the result JSON:
     * {@code {"ok":true,"value":...}} or {@code {"ok":false,"error":{"name":...,"message":...}}}.
     *
     * @param storageKey the object's {@link dev.outpost.runtime.DurableObjectTarget#storageKey()}
     */
    String execute(String storageKey, String requestJson);
}
