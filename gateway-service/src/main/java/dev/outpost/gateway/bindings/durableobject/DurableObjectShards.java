package dev.outpost.gateway.bindings.durableobject;

import dev.outpost.contracts.durableobject.v1.MutinyDurableObjectServiceGrpc;
import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.gateway.config.GatewayConfig;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The durable-object-service shards and one gRPC channel to each (DO placement, like D1's): an object id belongs
 * to exactly one shard, chosen by {@link RendezvousHash} over {@code outpost.gateway.durable-object.shards} (same
 * order as the shards' own {@code outpost.durableobject.shards}), and the gateway calls that owner directly.
 */
@ApplicationScoped
public class DurableObjectShards {
    /** Request and response bodies travel whole in one message (see the README's limits). */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final List<String> addresses;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<MutinyDurableObjectServiceGrpc.MutinyDurableObjectServiceStub> stubs = new ArrayList<>();
    private final Duration timeout;

    public DurableObjectShards(GatewayConfig config) {
        this.addresses = Arrays.stream(config.durableObject().shards().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("outpost.gateway.durable-object.shards is empty");
        }
        this.timeout = config.durableObject().timeout();
        for (String address : addresses) {
            ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().directExecutor()
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
            channels.add(channel);
            stubs.add(MutinyDurableObjectServiceGrpc.newMutinyStub(channel));
        }
    }

    /** The stub of the shard that owns {@code objectId}. */
    public MutinyDurableObjectServiceGrpc.MutinyDurableObjectServiceStub owner(String objectId) {
        return stubs.get(RendezvousHash.ownerIndex(objectId, stubs.size()))
                .withDeadlineAfter(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .withMaxOutboundMessageSize(MAX_MESSAGE_BYTES);
    }

    /**
     * After a shard was unreachable, its channel waits out a growing reconnect backoff and fails calls fast until
     * then; a restarted shard should be used at once, so the next call reconnects now.
     */
    public void reconnect(String objectId) {
        channels.get(RendezvousHash.ownerIndex(objectId, channels.size())).resetConnectBackoff();
    }

    @PreDestroy
    void close() {
        channels.forEach(ManagedChannel::shutdown);
    }
}
