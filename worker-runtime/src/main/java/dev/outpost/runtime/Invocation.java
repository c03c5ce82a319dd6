package dev.outpost.runtime;

/**
 * Where an event goes in a worker and what comes with it besides the event itself.
 *
 * @param entrypoint the named {@code WorkerEntrypoint} export to call, or null for the default export
 *                   (service bindings name one with {@code entrypoint}, SVC-1)
 * @param propsJson  the JSON of {@code ctx.props} (SVC-1 {@code props}), or null for {@code {}}
 * @param cfJson     the JSON of {@code request.cf} for a request from the internet (RT-9), or null when the
 *                   request has none (e.g. one from a service binding)
 * @param objectJson the Durable Object the event is for (DO-6), as the JSON the prelude's
 *                   durable-object-host.js reads ({@link DurableObjectTarget#json()}), or null for the worker's
 *                   own entrypoints
 */
public record Invocation(String entrypoint, String propsJson, String cfJson, String objectJson) {
    /** The default export, empty props, no {@code request.cf}. */
    public static final Invocation DEFAULT = new Invocation(null, null, null, null);

    public Invocation(String entrypoint, String propsJson, String cfJson) {
        this(entrypoint, propsJson, cfJson, null);
    }

    /** An event (fetch or RPC) for one Durable Object instance of the worker (DO-5, DO-6). */
    public static Invocation object(DurableObjectTarget target) {
        return new Invocation(null, null, null, target.json());
    }

    /** DO-12: the alarm event of one Durable Object instance, run through {@code LoadedWorker.call}. */
    public static Invocation objectAlarm(DurableObjectTarget target, int retryCount, long scheduledTime) {
        return new Invocation(null, null, null, target.alarmJson(retryCount, scheduledTime));
    }

    /** A request from the internet to the default export, with its {@code request.cf}. */
    public static Invocation incoming(String cfJson) {
        return new Invocation(null, null, cfJson);
    }
}
