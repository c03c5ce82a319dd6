package dev.outpost.kv.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A gRPC call carrying a W3C {@code traceparent} is served inside that trace: the server span has the
 * caller's trace id and the caller's span as parent. The client here is a plain grpc-java channel without
 * instrumentation, so the header on the wire is exactly the one the test wrote.
 */
@QuarkusTest
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @TestHTTPResource
    URL server;

    @Test
    void grpcServerSpanContinuesIncomingTraceparent() throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                    "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");
            KvServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .createNamespace(CreateNamespaceRequest.newBuilder()
                            .setCaller(Caller.newBuilder().setAccountId("trace-account"))
                            .setTitle("traced-" + System.nanoTime()).build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        SpanData grpcSpan = awaitSpan("outpost.kv.v1.KvService/CreateNamespace");
        assertEquals(SpanKind.SERVER, grpcSpan.getKind());
        assertEquals(TRACE_ID, grpcSpan.getTraceId());
        assertEquals(PARENT_SPAN_ID, grpcSpan.getParentSpanId());
        assertTrue(grpcSpan.getParentSpanContext().isRemote());
        // The service layer's span is a child of the gRPC server span.
        SpanData serviceSpan = awaitSpan("KvStore.createNamespace");
        assertEquals(TRACE_ID, serviceSpan.getTraceId());
        assertEquals(grpcSpan.getSpanId(), serviceSpan.getParentSpanId());
    }

    private SpanData awaitSpan(String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            for (SpanData span : spans.getFinishedSpanItems()) {
                if (span.getName().equals(name) && span.getTraceId().equals(TRACE_ID)) {
                    return span;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no span " + name + " in trace " + TRACE_ID + ": " + spans.getFinishedSpanItems());
            }
            Thread.sleep(50);
        }
    }
}
