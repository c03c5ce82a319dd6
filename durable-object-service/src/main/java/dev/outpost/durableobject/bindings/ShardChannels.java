package dev.outpost.durableobject.bindings;

import dev.outpost.contracts.durableobject.v1.MutinyDurableObjectServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * gRPC channels to the other durable-object-service shards, opened on first use: a stub inside an object calls the
 * shard that owns the target object directly (DO-5), as the gateway does.
 */
@ApplicationScoped
public class ShardChannels {
    /** Bodies travel whole in one message, as between the gateway and the shards. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /** The stub of shard {@code address} (host:port), with a deadline of {@code timeoutMillis}. */
    public MutinyDurableObjectServiceGrpc.MutinyDurableObjectServiceStub shard(String address, long timeoutMillis) {
        ManagedChannel channel = channels.computeIfAbsent(address, a -> NettyChannelBuilder.forTarget(a).usePlaintext()
                .directExecutor().maxInboundMessageSize(MAX_MESSAGE_BYTES).build());
        return MutinyDurableObjectServiceGrpc.newMutinyStub(channel)
                .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS).withMaxOutboundMessageSize(MAX_MESSAGE_BYTES);
    }

    /** After a shard was unreachable, try it again at once rather than after the channel's reconnect backoff. */
    public void reconnect(String address) {
        ManagedChannel channel = channels.get(address);
        if (channel != null) {
            channel.resetConnectBackoff();
        }
    }

    @PreDestroy
    void close() {
        channels.values().forEach(ManagedChannel::shutdown);
    }
}
