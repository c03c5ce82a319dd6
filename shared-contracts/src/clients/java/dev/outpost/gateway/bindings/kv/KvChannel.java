package dev.outpost.gateway.bindings.kv;

import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.gateway.bindings.BindingChannels;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.opentelemetry.runtime.tracing.instrumentation.grpc.GrpcTracingClientInterceptor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The workers' channel to kv-service: a plain grpc-java async stub on a Netty I/O thread of its own
 * ({@code outpost-kv-grpc}), on which {@link GrpcKvNamespace} starts its calls through
 * {@link dev.outpost.gateway.bindings.UnaryCalls} — the same short path as D1 queries (no Mutiny chain, the gRPC
 * deadline instead of a timer task, the call's writes queued in one wake-up of the I/O thread).
 * <p>
 * It dials the address of the Quarkus {@code kv} client ({@code quarkus.grpc.clients.kv.*}, set by the launcher,
 * Helm and compose), which the control plane's KV API keeps using. Calls go through Quarkus' gRPC client tracing
 * interceptor, as the Quarkus client's did: a client span per call in the worker request's trace, and its
 * {@code traceparent} sent along.
 */
@ApplicationScoped
public class KvChannel {
    /**
     * After kv-service was unreachable (restart, rolling update) the channel retries within this time, so workers'
     * calls work again as soon as the control plane's do (see {@link BindingChannels#open(String, int,
     * java.time.Duration)}); a connection attempt to a closed port costs next to nothing.
     */
    static final java.time.Duration RECONNECT_WITHIN = java.time.Duration.ofMillis(100);

    private final BindingChannels grpc;
    private final KvServiceGrpc.KvServiceStub stub;

    public KvChannel(@ConfigProperty(name = "quarkus.grpc.clients.kv.host", defaultValue = "127.0.0.1") String host,
                     @ConfigProperty(name = "quarkus.grpc.clients.kv.port", defaultValue = "8081") int port,
                     @ConfigProperty(name = "quarkus.grpc.clients.kv.max-inbound-message-size",
                             defaultValue = "33554432") int maxInboundBytes,
                     OpenTelemetry telemetry, Instance<GrpcTracingClientInterceptor> tracing) {
        this.grpc = tracing.isResolvable() ? new BindingChannels("outpost-kv-grpc", tracing.get())
                : new BindingChannels("outpost-kv-grpc", telemetry);
        this.stub = KvServiceGrpc.newStub(grpc.open(host + ":" + port, maxInboundBytes, RECONNECT_WITHIN));
    }

    /** The async stub (callers add each call's deadline). */
    public KvServiceGrpc.KvServiceStub stub() {
        return stub;
    }

    /** Where calls are started: the channel's I/O thread. */
    public Executor callExecutor() {
        return grpc.callExecutor();
    }

    @PreDestroy
    void close() {
        grpc.close();
    }
}
