package dev.outpost.gateway.bindings.d1;

import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import dev.outpost.contracts.d1.v1.MutinyD1ServiceGrpc;
import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.gateway.config.GatewayConfig;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The d1-service shards and one gRPC channel to each (D1 placement): a database id belongs to exactly one shard,
 * chosen by {@link RendezvousHash} over {@code outpost.gateway.d1.shards} (same order as the shards' own
 * {@code outpost.d1.shards}), and the gateway calls that owner directly.
 * <p>
 * Plain grpc-java channels rather than a Quarkus {@code @GrpcClient}, because the shard count is configuration;
 * an interceptor adds the current trace context ({@code traceparent}) as the Quarkus clients do.
 */
@ApplicationScoped
public class D1Shards {
    /** Results of one query can be large (D1 rows up to 2 MB each); the gRPC default of 4 MB is too small. */
    static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;
    /**
     * A fixed HTTP/2 flow-control window. Without one grpc-java tunes the window itself by sending a PING after
     * each DATA frame it reads (BDP probing): on small answers that is a PING and its ACK per call, two more
     * socket wake-ups of each side's event loop on the latency path of every query. 8 MiB keeps large results
     * streaming without waiting for WINDOW_UPDATEs on loopback and in-cluster links.
     */
    static final int FLOW_CONTROL_WINDOW = 8 * 1024 * 1024;

    private final List<String> addresses;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<MutinyD1ServiceGrpc.MutinyD1ServiceStub> stubs = new ArrayList<>();
    private final List<D1ServiceGrpc.D1ServiceStub> asyncStubs = new ArrayList<>();
    private final Duration timeout;
    /**
     * One I/O thread for all D1 channels, and binding calls are started on it ({@link #callExecutor()}): grpc-java
     * hands each step of a call started elsewhere (stream creation, the request, the half-close, the read demand)
     * to the channel's event loop as a task of its own, each a wake-up of that thread; started on the loop they
     * are queued in one go and flushed together.
     */
    private final EventLoopGroup io = new NioEventLoopGroup(1, new DefaultThreadFactory("outpost-d1-grpc", true));

    public D1Shards(GatewayConfig config, OpenTelemetry telemetry) {
        this.addresses = Arrays.stream(config.d1().shards().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("outpost.gateway.d1.shards is empty");
        }
        this.timeout = config.d1().timeout();
        ClientInterceptor trace = new TraceContextInterceptor(telemetry);
        for (String address : addresses) {
            // directExecutor: responses are handled on the Netty thread that read them; the handler only posts
            // to the isolate's loop, so a hop through gRPC's executor would add a thread switch per call.
            ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().directExecutor()
                    .eventLoopGroup(io).channelType(NioSocketChannel.class)
                    .flowControlWindow(FLOW_CONTROL_WINDOW).maxInboundMessageSize(MAX_INBOUND_BYTES).build();
            channels.add(channel);
            Channel traced = ClientInterceptors.intercept(channel, trace);
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

    /** Where binding calls are started: the D1 channels' event loop (see {@link #io}). */
    public Executor callExecutor() {
        return io;
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

    @PreDestroy
    void close() {
        for (ManagedChannel channel : channels) {
            channel.shutdown();
        }
        for (ManagedChannel channel : channels) {
            try {
                channel.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** Injects the current OpenTelemetry context into the call's headers. */
    private static final class TraceContextInterceptor implements ClientInterceptor {
        private static final TextMapSetter<Metadata> SETTER = (carrier, key, value) ->
                carrier.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
        private final OpenTelemetry telemetry;

        TraceContextInterceptor(OpenTelemetry telemetry) {
            this.telemetry = telemetry;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            Context context = Context.current();
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    telemetry.getPropagators().getTextMapPropagator().inject(context, headers, SETTER);
                    super.start(listener, headers);
                }
            };
        }
    }
}
