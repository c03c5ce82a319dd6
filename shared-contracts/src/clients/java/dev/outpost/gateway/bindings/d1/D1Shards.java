package dev.outpost.gateway.bindings.d1;

import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import dev.outpost.contracts.d1.v1.MutinyD1ServiceGrpc;
import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.gateway.bindings.BindingChannels;
import io.grpc.Channel;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The d1-service shards and one gRPC channel to each (D1 placement): a database id belongs to exactly one shard,
 * chosen by {@link RendezvousHash} over {@code outpost.gateway.d1.shards} (same order as the shards' own
 * {@code outpost.d1.shards}), and the gateway calls that owner directly.
 * <p>
 * Plain grpc-java channels ({@link BindingChannels}) rather than a Quarkus {@code @GrpcClient}, because the shard
 * count is configuration and the workers' queries take the short path of {@link dev.outpost.gateway.bindings.UnaryCalls}.
 */
public class D1Shards {
    /** Results of one query can be large (D1 rows up to 2 MB each); the gRPC default of 4 MB is too small. */
    static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

    private final List<String> addresses;
    private final List<MutinyD1ServiceGrpc.MutinyD1ServiceStub> stubs = new ArrayList<>();
    private final List<D1ServiceGrpc.D1ServiceStub> asyncStubs = new ArrayList<>();
    private final Duration timeout;
    /** One I/O thread ({@code outpost-d1-grpc}) for all D1 channels; binding calls are started on it. */
    private final BindingChannels grpc;

    /**
     * @param shards  the shards' host:port list, comma-separated, in placement order
     * @param setting the configuration key the list came from (named when it is empty)
     * @param timeout deadline of one call
     */
    public D1Shards(String shards, String setting, Duration timeout, OpenTelemetry telemetry) {
        this.addresses = Arrays.stream(shards.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty");
        }
        this.timeout = timeout;
        this.grpc = new BindingChannels("outpost-d1-grpc", telemetry);
        for (String address : addresses) {
            Channel traced = grpc.open(address, MAX_INBOUND_BYTES);
            stubs.add(MutinyD1ServiceGrpc.newMutinyStub(traced));
            asyncStubs.add(D1ServiceGrpc.newStub(traced));
        }
    }

    /** The stub of the shard that owns {@code databaseId}. */
    public MutinyD1ServiceGrpc.MutinyD1ServiceStub owner(String databaseId) {
        return stubs.get(RendezvousHash.ownerIndex(databaseId, stubs.size()));
    }

    /**
     * The plain async stub of the shard that owns {@code databaseId}, for the workers' binding calls
     * ({@link GrpcD1Database}, which resolves it once per binding rather than hashing per call).
     */
    public D1ServiceGrpc.D1ServiceStub ownerAsyncStub(String databaseId) {
        return asyncStubs.get(RendezvousHash.ownerIndex(databaseId, asyncStubs.size()));
    }

    /** Where binding calls are started: the D1 channels' event loop (see {@link BindingChannels}). */
    public Executor callExecutor() {
        return grpc.callExecutor();
    }

    /** Some shard, for account-wide calls that every shard answers (a list fans out to the others). */
    public MutinyD1ServiceGrpc.MutinyD1ServiceStub any() {
        return stubs.get(0);
    }

    public String ownerAddress(String databaseId) {
        return RendezvousHash.owner(databaseId, addresses);
    }

    public List<String> addresses() {
        return addresses;
    }

    /** Deadline of one D1 call: longer than d1-service's 30 s query limit, so its own error wins. */
    public Duration timeout() {
        return timeout;
    }

    /** Called by the bean producer's disposer of each service that creates the shard set. */
    public void close() {
        grpc.close();
    }
}
