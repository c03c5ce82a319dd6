package dev.outpost.gateway.testing;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.DeleteResponse;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.GetManyResponse;
import dev.outpost.contracts.kv.v1.KeyValue;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.GetResponse;
import dev.outpost.contracts.kv.v1.KeyInfo;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.ListNamespacesRequest;
import dev.outpost.contracts.kv.v1.ListNamespacesResponse;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.ListResponse;
import dev.outpost.contracts.kv.v1.Namespace;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.contracts.kv.v1.PutResponse;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gRPC KvService in memory, for the gateway's own tests of its logic (routing, env, error
 * mapping, tracing). The real kv-service is exercised end to end by the integration tests.
 * It records the traceparent metadata of every call it receives.
 */
public final class InMemoryKvServer {
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Map<String, String> namespaceAccounts = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<String, byte[]>> data = new ConcurrentHashMap<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    /** Every key read by Get or GetMany, in arrival order (near-cache tests check what reached the server). */
    private final List<String> keysRead = new CopyOnWriteArrayList<>();
    private Server server;

    public int start(int port) throws IOException {
        ServerInterceptor recordTrace = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String tp = headers.get(TRACEPARENT);
                if (tp != null) {
                    traceparents.add(tp);
                }
                return next.startCall(call, headers);
            }
        };
        server = ServerBuilder.forPort(port).addService(ServerInterceptors.intercept(new Service(), recordTrace))
                .build().start();
        return server.getPort();
    }

    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    public List<String> traceparents() {
        return traceparents;
    }

    public List<String> keysRead() {
        return keysRead;
    }

    private final class Service extends KvServiceGrpc.KvServiceImplBase {
        @Override
        public void createNamespace(CreateNamespaceRequest request, StreamObserver<Namespace> out) {
            String id = java.util.UUID.randomUUID().toString().replace("-", "");
            Namespace ns = Namespace.newBuilder().setId(id).setTitle(request.getTitle()).build();
            namespaces.put(id, ns);
            namespaceAccounts.put(id, request.getCaller().getAccountId());
            data.put(id, new ConcurrentSkipListMap<>());
            out.onNext(ns);
            out.onCompleted();
        }

        @Override
        public void getNamespace(NamespaceRef request, StreamObserver<Namespace> out) {
            Namespace ns = owned(request);
            if (ns == null) {
                out.onError(notFound());
                return;
            }
            out.onNext(ns);
            out.onCompleted();
        }

        @Override
        public void listNamespaces(ListNamespacesRequest request, StreamObserver<ListNamespacesResponse> out) {
            List<Namespace> mine = namespaces.values().stream()
                    .filter(n -> namespaceAccounts.get(n.getId()).equals(request.getCaller().getAccountId())).toList();
            out.onNext(ListNamespacesResponse.newBuilder().addAllNamespaces(mine).setTotalCount(mine.size()).build());
            out.onCompleted();
        }

        @Override
        public void get(GetRequest request, StreamObserver<GetResponse> out) {
            if (owned(request.getNs()) == null) {
                out.onError(notFound());
                return;
            }
            keysRead.add(request.getKey());
            byte[] value = data.get(request.getNs().getNamespaceId()).get(request.getKey());
            out.onNext(value == null ? GetResponse.newBuilder().setFound(false).build()
                    : GetResponse.newBuilder().setFound(true).setValue(ByteString.copyFrom(value)).build());
            out.onCompleted();
        }

        @Override
        public void getMany(GetManyRequest request, StreamObserver<GetManyResponse> out) {
            if (owned(request.getNs()) == null) {
                out.onError(notFound());
                return;
            }
            GetManyResponse.Builder many = GetManyResponse.newBuilder();
            for (String key : request.getKeysList()) {
                keysRead.add(key);
                byte[] value = data.get(request.getNs().getNamespaceId()).get(key);
                many.addEntries(value == null ? KeyValue.newBuilder().setKey(key).setFound(false)
                        : KeyValue.newBuilder().setKey(key).setFound(true).setValue(ByteString.copyFrom(value)));
            }
            out.onNext(many.build());
            out.onCompleted();
        }

        @Override
        public void put(PutRequest request, StreamObserver<PutResponse> out) {
            if (owned(request.getNs()) == null) {
                out.onError(notFound());
                return;
            }
            if (request.getKey().isEmpty()) {
                out.onError(OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "KV_KEY_EMPTY",
                        "Key names must not be empty"));
                return;
            }
            data.get(request.getNs().getNamespaceId()).put(request.getKey(), request.getValue().toByteArray());
            out.onNext(PutResponse.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void delete(DeleteRequest request, StreamObserver<DeleteResponse> out) {
            if (owned(request.getNs()) == null) {
                out.onError(notFound());
                return;
            }
            data.get(request.getNs().getNamespaceId()).remove(request.getKey());
            out.onNext(DeleteResponse.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void list(ListRequest request, StreamObserver<ListResponse> out) {
            if (owned(request.getNs()) == null) {
                out.onError(notFound());
                return;
            }
            ListResponse.Builder list = ListResponse.newBuilder().setListComplete(true);
            data.get(request.getNs().getNamespaceId()).keySet().stream()
                    .filter(k -> k.startsWith(request.getPrefix()))
                    .forEach(k -> list.addKeys(KeyInfo.newBuilder().setName(k)));
            out.onNext(list.build());
            out.onCompleted();
        }

        private Namespace owned(NamespaceRef ref) {
            Namespace ns = namespaces.get(ref.getNamespaceId());
            return ns != null && namespaceAccounts.get(ns.getId()).equals(ref.getCaller().getAccountId()) ? ns : null;
        }

        private RuntimeException notFound() {
            return OutpostErrors.error(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found");
        }
    }
}
