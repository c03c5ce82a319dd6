package dev.outpost.durableobject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Everything under {@code outpost.durableobject.*}. */
@ConfigMapping(prefix = "outpost.durableobject")
public interface DurableObjectConfig {
    /** Directory of this shard's per-object SQLite files. */
    String dataDir();

    /**
     * Every shard's host:port, in the same order as the gateway's {@code outpost.gateway.durable-object.shards}; an
     * object id is owned by exactly one (rendezvous hashing over the index).
     */
    @WithDefault("127.0.0.1:8084")
    List<String> shards();

    /** This process's position in {@link #shards()}. */
    @WithDefault("0")
    int shardIndex();

    /** How long the isolate of a replaced script version is kept for events still running on it (DO-14). */
    @WithDefault("30s")
    Duration replacedVersionGrace();

    /** DO-12: how often the alarm index is read for due alarms (setting an alarm also wakes the scheduler). */
    @WithDefault("1s")
    Duration alarmPollInterval();

    /** DO-12: the first retry of a failed alarm waits this long, each further one twice as long. */
    @WithDefault("2s")
    Duration alarmRetryDelay();

    /** Deadline of the binding calls objects make (KV, other Durable Objects, the gateway's version lookup). */
    @WithDefault("5s")
    Duration bindingTimeout();

    /**
     * D1 bindings inside objects: the d1-service shards (host:port, comma-separated), same list and order as the
     * gateway's {@code outpost.gateway.d1.shards}; a database id is owned by one (rendezvous hashing).
     */
    @WithDefault("127.0.0.1:8083")
    String d1Shards();

    /** Deadline of one D1 call from an object: longer than d1-service's 30 s query limit, so its own error wins. */
    @WithDefault("35s")
    Duration d1Timeout();

    /** Deadline of a queue send from an object: a send waits for every Kafka replica (acks=all). */
    @WithDefault("30s")
    Duration queueSendTimeout();
}
