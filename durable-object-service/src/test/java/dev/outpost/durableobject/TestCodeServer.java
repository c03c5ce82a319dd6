package dev.outpost.durableobject;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.durableobject.v1.CodeBinding;
import dev.outpost.contracts.durableobject.v1.CodeModule;
import dev.outpost.contracts.durableobject.v1.GetObjectCodeRequest;
import dev.outpost.contracts.durableobject.v1.ObjectCode;
import dev.outpost.contracts.durableobject.v1.ObjectCodeServiceGrpc;
import dev.outpost.contracts.durableobject.v1.ResolveNamespaceRequest;
import dev.outpost.contracts.durableobject.v1.ResolvedNamespace;
import dev.outpost.contracts.common.v1.Header;
import dev.outpost.contracts.common.v1.HttpRequest;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.gateway.v1.WorkerCallRequest;
import dev.outpost.contracts.gateway.v1.WorkerCallResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchServiceGrpc;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Serves ObjectCodeService and WorkerDispatchService over a real gRPC socket, standing in for the gateway's half
 * of the contract (the gateway's own implementations are exercised by the DurableObject*EndToEndTest ITs): namespace {@link #COUNTER_NS} runs class
 * Counter (SQLite-backed), {@link #LEGACY_NS} class Legacy, both from objects/counter.js at version
 * {@link #VERSION}.
 */
public class TestCodeServer implements QuarkusTestResourceLifecycleManager {
    static final String ACCOUNT = "acct";
    static final String COUNTER_NS = "11111111-1111-1111-1111-111111111111";
    static final String LEGACY_NS = "22222222-2222-2222-2222-222222222222";
    static final String VERSION = "33333333-3333-3333-3333-333333333333";

    private Server server;

    @Override
    public Map<String, String> start() {
        byte[] source;
        try (InputStream in = TestCodeServer.class.getResourceAsStream("/objects/counter.js")) {
            source = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ObjectCodeServiceGrpc.ObjectCodeServiceImplBase() {
                    @Override
                    public void getObjectCode(GetObjectCodeRequest request, StreamObserver<ObjectCode> reply) {
                        String className = switch (request.getNamespaceId()) {
                            case COUNTER_NS -> "Counter";
                            case LEGACY_NS -> "Legacy";
                            default -> null;
                        };
                        if (className == null || !request.getVersionId().equals(VERSION)
                                || !request.getAccountId().equals(ACCOUNT)) {
                            reply.onError(OutpostErrors.error(Status.Code.NOT_FOUND, "DO_CODE_NOT_FOUND", "no such code"));
                            return;
                        }
                        reply.onNext(ObjectCode.newBuilder().setVersionId(VERSION).setScriptName("counter-worker")
                                .setMainModule("counter.js").setCompatibilityDate("2025-01-01")
                                .addModules(CodeModule.newBuilder().setName("counter.js").setType("ESM")
                                        .setContent(ByteString.copyFrom(source)))
                                .setClassName(className).setSqlite(className.equals("Counter"))
                                .addBindings(CodeBinding.newBuilder().setType("plain_text").setName("GREETING")
                                        .setValue("hello"))
                                .addBindings(CodeBinding.newBuilder().setType("durable_object_namespace")
                                        .setName("COUNTER").setValue(COUNTER_NS).setClassName("Counter"))
                                .addBindings(CodeBinding.newBuilder().setType("kv_namespace").setName("KV")
                                        .setValue("44444444444444444444444444444444"))
                                .addBindings(CodeBinding.newBuilder().setType("d1").setName("DB")
                                        .setValue("55555555-5555-5555-5555-555555555555"))
                                .addBindings(CodeBinding.newBuilder().setType("r2_bucket").setName("BUCKET")
                                        .setValue("blobs"))
                                .addBindings(CodeBinding.newBuilder().setType("queue").setName("Q")
                                        .setValue("jobs"))
                                .addBindings(CodeBinding.newBuilder().setType("service").setName("HELPER")
                                        .setValue("helper-worker").setEntrypoint("Named").setPropsJson("{\"p\":1}"))
                                .build());
                        reply.onCompleted();
                    }

                    @Override
                    public void resolveNamespace(ResolveNamespaceRequest request, StreamObserver<ResolvedNamespace> reply) {
                        if (!request.getAccountId().equals(ACCOUNT) || !(request.getNamespaceId().equals(COUNTER_NS)
                                || request.getNamespaceId().equals(LEGACY_NS))) {
                            reply.onError(OutpostErrors.error(Status.Code.NOT_FOUND, "DO_CODE_NOT_FOUND", "no such namespace"));
                            return;
                        }
                        reply.onNext(ResolvedNamespace.newBuilder().setScriptName("counter-worker").setVersionId(VERSION)
                                .setClassName(request.getNamespaceId().equals(COUNTER_NS) ? "Counter" : "Legacy").build());
                        reply.onCompleted();
                    }
                })
                .addService(new EchoDispatch())
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // test-port: in test mode Quarkus gRPC clients use it instead of port
        // KV, D1, R2 and queue bindings inside objects: no such services here (port 1 refuses), so their calls
        // must fail clearly
        return Map.of("quarkus.grpc.clients.gateway.port", Integer.toString(server.getPort()),
                "quarkus.grpc.clients.gateway.test-port", Integer.toString(server.getPort()),
                "quarkus.grpc.clients.kv.port", "1", "quarkus.grpc.clients.kv.test-port", "1",
                "quarkus.grpc.clients.r2.port", "1", "quarkus.grpc.clients.r2.test-port", "1",
                "quarkus.grpc.clients.queue.port", "1", "quarkus.grpc.clients.queue.test-port", "1",
                "outpost.durableobject.d1-shards", "127.0.0.1:1");
    }

    /**
     * The gateway's WorkerDispatchService as service bindings inside objects see it (SVC-2/SVC-3): Fetch answers
     * with what arrived (so the test sees the request's way through), Call with the arguments it got; a target
     * named "gone" is refused as the gateway refuses a worker that is not deployed.
     */
    static final class EchoDispatch extends WorkerDispatchServiceGrpc.WorkerDispatchServiceImplBase {
        @Override
        public void fetch(WorkerFetchRequest request, StreamObserver<HttpResponse> reply) {
            HttpRequest http = request.getRequest();
            StringBuilder seen = new StringBuilder().append(request.getWorker().getAccountId()).append(' ')
                    .append(request.getWorker().getScriptName()).append(' ').append(request.getBinding()).append(' ')
                    .append(request.getEntrypoint()).append(' ').append(request.getPropsJson()).append(' ')
                    .append(http.getMethod()).append(' ').append(http.getUrl()).append(' ')
                    .append(http.getBody().toStringUtf8());
            for (Header h : http.getHeadersList()) {
                if (h.getName().startsWith("x-")) {
                    seen.append(' ').append(h.getName()).append('=').append(h.getValue());
                }
            }
            reply.onNext(HttpResponse.newBuilder().setStatus(201).setStatusText("Created")
                    .addHeaders(Header.newBuilder().setName("x-echo").setValue("yes"))
                    .setBody(ByteString.copyFromUtf8(seen.toString())).build());
            reply.onCompleted();
        }

        @Override
        public void call(WorkerCallRequest request, StreamObserver<WorkerCallResponse> reply) {
            if (request.getMember().equals("gone")) {
                reply.onError(OutpostErrors.error(Status.Code.FAILED_PRECONDITION, "DISPATCH_TARGET_UNAVAILABLE",
                        "Service binding '" + request.getBinding() + "' points at worker '"
                                + request.getWorker().getScriptName() + "', which is not deployed."));
                return;
            }
            // the arguments travel in the runtime's RPC encoding; the outcome is returned as the gateway would
            reply.onNext(WorkerCallResponse.newBuilder().setOutcomeJson("{\"ok\":true,\"value\":"
                    + request.getArgumentsJson() + "}").build());
            reply.onCompleted();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
