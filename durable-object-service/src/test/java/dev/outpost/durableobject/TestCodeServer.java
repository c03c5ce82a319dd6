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
 * Serves ObjectCodeService over a real gRPC socket, standing in for the gateway's half of the contract (the
 * gateway's own implementation is exercised by DurableObjectsIT): namespace {@link #COUNTER_NS} runs class
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
                                .addBindings(CodeBinding.newBuilder().setType("d1").setName("DB"))
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
                }).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // test-port: in test mode Quarkus gRPC clients use it instead of port
        // KV bindings inside objects: no kv-service here (port 1 refuses), so their calls must fail clearly
        return Map.of("quarkus.grpc.clients.gateway.port", Integer.toString(server.getPort()),
                "quarkus.grpc.clients.gateway.test-port", Integer.toString(server.getPort()),
                "quarkus.grpc.clients.kv.port", "1", "quarkus.grpc.clients.kv.test-port", "1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
