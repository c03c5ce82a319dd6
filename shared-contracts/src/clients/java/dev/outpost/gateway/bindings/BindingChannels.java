package dev.outpost.gateway.bindings;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ConnectivityState;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The plain grpc-java channels one binding primitive's hot calls go out on (D1 queries, KV reads and writes),
 * all served by one Netty I/O thread of their own, which is also where {@link UnaryCalls} starts the calls.
 * <p>
 * Plain channels rather than a Quarkus {@code @GrpcClient}: no Mutiny chain or context-propagation wrappers per
 * call, and the calls can be started on the channel's own thread. An interceptor adds the current trace context
 * ({@code traceparent}) as the Quarkus clients do.
 */
public final class BindingChannels {
    /**
     * A fixed HTTP/2 flow-control window. Without one grpc-java tunes the window itself by sending a PING after
     * each DATA frame it reads (BDP probing): on small answers that is a PING and its ACK per call, two more
     * socket wake-ups of each side's event loop on the latency path of every call. 8 MiB keeps large answers
     * streaming without waiting for WINDOW_UPDATEs on loopback and in-cluster links.
     */
    public static final int FLOW_CONTROL_WINDOW = 8 * 1024 * 1024;

    /**
     * One I/O thread for all channels of the primitive, and binding calls are started on it ({@link #callExecutor()}):
     * grpc-java hands each step of a call started elsewhere (stream creation, the request, the half-close, the read
     * demand) to the channel's event loop as a task of its own, each a wake-up of that thread; started on the loop
     * they are queued in one go and flushed together.
     */
    private final EventLoopGroup io;
    private final ClientInterceptor trace;
    private final List<ManagedChannel> channels = new ArrayList<>();

    /**
     * Channels that only propagate the trace context (no client span).
     *
     * @param threadName name of the I/O thread, e.g. {@code outpost-d1-grpc}
     */
    public BindingChannels(String threadName, OpenTelemetry telemetry) {
        this(threadName, new TraceContextInterceptor(telemetry));
    }

    /** Channels whose calls go through {@code trace} (e.g. Quarkus' gRPC client span interceptor). */
    public BindingChannels(String threadName, ClientInterceptor trace) {
        this.io = new NioEventLoopGroup(1, new DefaultThreadFactory(threadName, true));
        this.trace = trace;
    }

    /** A channel to {@code target} ({@code host:port}) on this I/O thread, with the trace interceptor. */
    public Channel open(String target, int maxInboundBytes) {
        return open(target, maxInboundBytes, null);
    }

    /**
     * As above; with {@code reconnectWithin} set, a channel whose connection failed retries it within that time
     * instead of after grpc-java's growing backoff (up to two minutes). Calls on a channel waiting out its backoff
     * fail at once, so after the service restarted the workers' calls would keep failing until the backoff ran
     * out, while other clients of the service (which reconnect on their own schedule) already work again.
     */
    public synchronized Channel open(String target, int maxInboundBytes, java.time.Duration reconnectWithin) {
        // directExecutor: answers are handled on the Netty thread that read them; the handler only posts to the
        // isolate's loop, so a hop through gRPC's executor would add a thread switch per call.
        ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().directExecutor()
                .eventLoopGroup(io).channelType(NioSocketChannel.class)
                .flowControlWindow(FLOW_CONTROL_WINDOW).maxInboundMessageSize(maxInboundBytes).build();
        channels.add(channel);
        if (reconnectWithin != null) {
            watch(channel, reconnectWithin.toMillis());
        }
        return ClientInterceptors.intercept(channel, trace);
    }

    private void watch(ManagedChannel channel, long reconnectMillis) {
        ConnectivityState state = channel.getState(false);
        if (state == ConnectivityState.SHUTDOWN) {
            return;
        }
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            io.schedule(() -> {
                if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
                    channel.resetConnectBackoff();
                }
            }, reconnectMillis, TimeUnit.MILLISECONDS);
        }
        channel.notifyWhenStateChanged(state, () -> watch(channel, reconnectMillis));
    }

    /** Where binding calls are started: the channels' event loop (see {@link #io}). */
    public Executor callExecutor() {
        return io;
    }

    public synchronized void close() {
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
