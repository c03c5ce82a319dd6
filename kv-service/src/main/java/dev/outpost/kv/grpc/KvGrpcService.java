package dev.outpost.kv.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.BulkDeleteRequest;
import dev.outpost.contracts.kv.v1.BulkPutRequest;
import dev.outpost.contracts.kv.v1.BulkResponse;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.DeleteResponse;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.GetManyResponse;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.GetResponse;
import dev.outpost.contracts.kv.v1.KeyValue;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.ListNamespacesRequest;
import dev.outpost.contracts.kv.v1.ListNamespacesResponse;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.ListResponse;
import dev.outpost.contracts.kv.v1.Namespace;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.contracts.kv.v1.PutResponse;
import dev.outpost.contracts.kv.v1.RenameNamespaceRequest;
import dev.outpost.kv.model.BulkResult;
import dev.outpost.kv.model.KeyInfo;
import dev.outpost.kv.model.KeyLookup;
import dev.outpost.kv.model.KeyPage;
import dev.outpost.kv.model.KvValue;
import dev.outpost.kv.model.NamespaceInfo;
import dev.outpost.kv.model.NamespacePage;
import dev.outpost.kv.model.NamespaceQuery;
import dev.outpost.kv.model.PutEntry;
import dev.outpost.kv.service.KvStore;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * gRPC transport of {@code outpost.kv.v1.KvService}: translates messages to {@link KvStore} calls and
 * back, nothing else. Most calls run on worker threads ({@code @Blocking}: locks, disk, peers). The hot
 * single-key calls do not: Put and Delete only check the request and queue the write on the event loop and
 * are answered when the write's group commit completes; Get uses Infinispan's asynchronous reads.
 */
@GrpcService
public class KvGrpcService implements KvService {

    private final KvStore store;

    public KvGrpcService(KvStore store) {
        this.store = store;
    }

    /** Not blocking: {@link KvStore#getAsync} reads asynchronously, so a get needs no worker thread. */
    @Override
    public Uni<GetResponse> get(GetRequest request) {
        return Uni.createFrom().completionStage(() -> store.getAsync(account(request.getNs()),
                request.getNs().getNamespaceId(), request.getKey()))
                .onItemOrFailure().transformToUni((found, e) -> e != null
                        ? Uni.createFrom().failure(GrpcErrors.toStatus(unwrap(e)))
                        : Uni.createFrom().item(found
                                .map(v -> GetResponse.newBuilder().setFound(true).setValue(bytes(v.value()))
                                        .setMetadataJson(v.metadataJson()).setExpiration(v.expiration()).build())
                                .orElseGet(() -> GetResponse.newBuilder().setFound(false).build())));
    }

    @Override
    @Blocking
    public Uni<GetManyResponse> getMany(GetManyRequest request) {
        return respond(() -> {
            List<KeyLookup> found = store.getMany(account(request.getNs()), request.getNs().getNamespaceId(),
                    request.getKeysList());
            GetManyResponse.Builder out = GetManyResponse.newBuilder();
            for (KeyLookup lookup : found) {
                KeyValue.Builder kv = KeyValue.newBuilder().setKey(lookup.key()).setFound(lookup.found());
                if (lookup.found()) {
                    KvValue v = lookup.value();
                    kv.setValue(bytes(v.value())).setMetadataJson(v.metadataJson()).setExpiration(v.expiration());
                }
                out.addEntries(kv);
            }
            return out.build();
        });
    }

    @Override
    public Uni<PutResponse> put(PutRequest request) {
        return written(() -> store.putAsync(account(request.getNs()), request.getNs().getNamespaceId(), entry(request)),
                PutResponse.getDefaultInstance());
    }

    @Override
    public Uni<DeleteResponse> delete(DeleteRequest request) {
        return written(() -> store.deleteAsync(account(request.getNs()), request.getNs().getNamespaceId(),
                request.getKey()), DeleteResponse.getDefaultInstance());
    }

    @Override
    @Blocking
    public Uni<ListResponse> list(ListRequest request) {
        return respond(() -> {
            KeyPage page = store.list(account(request.getNs()), request.getNs().getNamespaceId(),
                    request.getPrefix(), request.getLimit(), request.getCursor());
            ListResponse.Builder out = ListResponse.newBuilder().setListComplete(page.complete()).setCursor(page.cursor());
            for (KeyInfo key : page.keys()) {
                out.addKeysBuilder().setName(key.name()).setExpiration(key.expiration()).setMetadataJson(key.metadataJson());
            }
            return out.build();
        });
    }

    @Override
    @Blocking
    public Uni<BulkResponse> bulkPut(BulkPutRequest request) {
        return respond(() -> {
            List<PutEntry> entries = new ArrayList<>(request.getEntriesCount());
            for (PutRequest entry : request.getEntriesList()) {
                entries.add(entry(entry));
            }
            return bulk(store.bulkPut(account(request.getNs()), request.getNs().getNamespaceId(), entries));
        });
    }

    @Override
    @Blocking
    public Uni<BulkResponse> bulkDelete(BulkDeleteRequest request) {
        return respond(() -> bulk(store.bulkDelete(account(request.getNs()), request.getNs().getNamespaceId(),
                request.getKeysList())));
    }

    @Override
    @Blocking
    public Uni<Namespace> createNamespace(CreateNamespaceRequest request) {
        return respond(() -> namespace(store.createNamespace(account(request.getCaller()), request.getTitle())));
    }

    @Override
    @Blocking
    public Uni<Namespace> getNamespace(NamespaceRef request) {
        return respond(() -> namespace(store.getNamespace(account(request), request.getNamespaceId())));
    }

    @Override
    @Blocking
    public Uni<ListNamespacesResponse> listNamespaces(ListNamespacesRequest request) {
        return respond(() -> {
            NamespacePage page = store.listNamespaces(account(request.getCaller()), new NamespaceQuery(
                    request.getPage(), request.getPerPage(), request.getOrder(), request.getDirection()));
            ListNamespacesResponse.Builder out = ListNamespacesResponse.newBuilder().setTotalCount(page.totalCount());
            page.namespaces().forEach(ns -> out.addNamespaces(namespace(ns)));
            return out.build();
        });
    }

    @Override
    @Blocking
    public Uni<Namespace> renameNamespace(RenameNamespaceRequest request) {
        return respond(() -> namespace(store.renameNamespace(account(request.getNs()), request.getNs().getNamespaceId(),
                request.getTitle())));
    }

    @Override
    @Blocking
    public Uni<DeleteResponse> deleteNamespace(NamespaceRef request) {
        return respond(() -> {
            store.deleteNamespace(account(request), request.getNamespaceId());
            return DeleteResponse.getDefaultInstance();
        });
    }

    // ---- translation ----

    private static <T> Uni<T> respond(Supplier<T> call) {
        try {
            return Uni.createFrom().item(call.get());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(GrpcErrors.toStatus(e));
        }
    }

    /** Answers {@code response} once the queued write commits; its failure maps like any other. */
    private static <T> Uni<T> written(Supplier<CompletableFuture<Void>> write, T response) {
        return Uni.createFrom().completionStage(write).onItemOrFailure().transformToUni((ok, e) -> e == null
                ? Uni.createFrom().item(response)
                : Uni.createFrom().failure(GrpcErrors.toStatus(unwrap(e))));
    }

    private static RuntimeException unwrap(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static String account(NamespaceRef ref) {
        return account(ref.getCaller());
    }

    private static String account(Caller caller) {
        return caller.getAccountId();
    }

    private static PutEntry entry(PutRequest request) {
        return new PutEntry(request.getKey(), request.getValue().toByteArray(), request.getExpiration(),
                request.getExpirationTtl(), request.getMetadataJson());
    }

    /** Values are never mutated after they are read, so the response can wrap them without a copy. */
    private static ByteString bytes(byte[] value) {
        return UnsafeByteOperations.unsafeWrap(value);
    }

    private static Namespace namespace(NamespaceInfo ns) {
        return Namespace.newBuilder().setId(ns.id()).setTitle(ns.title())
                .setSupportsUrlEncoding(ns.supportsUrlEncoding()).build();
    }

    private static BulkResponse bulk(BulkResult result) {
        return BulkResponse.newBuilder().setSuccessfulKeyCount(result.successfulKeyCount())
                .addAllUnsuccessfulKeys(result.unsuccessfulKeys()).build();
    }
}
