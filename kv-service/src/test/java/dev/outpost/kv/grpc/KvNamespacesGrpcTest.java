package dev.outpost.kv.grpc;

import static dev.outpost.kv.grpc.GrpcTestSupport.assertKvError;
import static dev.outpost.kv.grpc.GrpcTestSupport.caller;
import static dev.outpost.kv.grpc.GrpcTestSupport.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.ListNamespacesRequest;
import dev.outpost.contracts.kv.v1.ListNamespacesResponse;
import dev.outpost.contracts.kv.v1.Namespace;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.contracts.kv.v1.RenameNamespaceRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

/** Namespace management over gRPC (KV-10): ids, per-account titles, paging, rename, delete. */
@QuarkusTest
class KvNamespacesGrpcTest {

    @GrpcClient("kv")
    KvServiceGrpc.KvServiceBlockingStub kv;

    @Test
    void namespaceLifecycle() {
        String account = newAccount();
        Namespace created = create(account, "sessions");
        assertTrue(created.getId().matches("[0-9a-f]{32}"), "Cloudflare-style id: " + created.getId());
        assertEquals("sessions", created.getTitle());
        assertTrue(created.getSupportsUrlEncoding());

        // Titles are unique per account, not globally.
        assertKvError(Status.Code.ALREADY_EXISTS, "KV_NAMESPACE_TITLE_EXISTS",
                "a namespace with this account ID and title already exists", () -> create(account, "sessions"));
        assertEquals("sessions", create(newAccount(), "sessions").getTitle());
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_NAMESPACE_TITLE_MISSING", null, () -> create(account, " "));

        NamespaceRef ref = ref(account, created.getId());
        assertEquals(created, kv.getNamespace(ref));

        Namespace renamed = kv.renameNamespace(RenameNamespaceRequest.newBuilder().setNs(ref).setTitle("sessions-v2").build());
        assertEquals("sessions-v2", renamed.getTitle());
        assertEquals("sessions-v2", kv.getNamespace(ref).getTitle());
        create(account, "sessions"); // the old title is free again
        assertKvError(Status.Code.ALREADY_EXISTS, "KV_NAMESPACE_TITLE_EXISTS", null,
                () -> kv.renameNamespace(RenameNamespaceRequest.newBuilder().setNs(ref).setTitle("sessions").build()));

        kv.put(PutRequest.newBuilder().setNs(ref).setKey("k").setValue(ByteString.copyFromUtf8("v")).build());
        kv.deleteNamespace(ref);
        assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> kv.getNamespace(ref));
        assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found",
                () -> kv.get(GetRequest.newBuilder().setNs(ref).setKey("k").build()));
        assertFalse(titles(kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(account)).build()))
                .contains("sessions-v2"));
    }

    @Test
    void listNamespacesPagesAndOrders() {
        String account = newAccount();
        for (String title : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
            create(account, title);
        }
        ListNamespacesResponse page1 = kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(account))
                .setOrder("title").setDirection("asc").setPage(1).setPerPage(2).build());
        assertEquals(5, page1.getTotalCount());
        assertEquals(List.of("alpha", "bravo"), titles(page1));
        ListNamespacesResponse page3 = kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(account))
                .setOrder("title").setDirection("asc").setPage(3).setPerPage(2).build());
        assertEquals(List.of("echo"), titles(page3));
        ListNamespacesResponse desc = kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(account))
                .setOrder("title").setDirection("desc").build());
        assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha"), titles(desc));
        ListNamespacesResponse byId = kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(account)).build());
        List<String> ids = byId.getNamespacesList().stream().map(Namespace::getId).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_BAD_REQUEST", null, () -> kv.listNamespaces(
                ListNamespacesRequest.newBuilder().setCaller(caller(account)).setOrder("size").build()));
        // Another account sees none of them.
        assertEquals(0, kv.listNamespaces(ListNamespacesRequest.newBuilder().setCaller(caller(newAccount())).build())
                .getTotalCount());
    }

    private Namespace create(String account, String title) {
        return kv.createNamespace(CreateNamespaceRequest.newBuilder().setCaller(caller(account)).setTitle(title).build());
    }

    private static NamespaceRef ref(String account, String id) {
        return NamespaceRef.newBuilder().setCaller(caller(account)).setNamespaceId(id).build();
    }

    private static List<String> titles(ListNamespacesResponse response) {
        return response.getNamespacesList().stream().map(Namespace::getTitle).toList();
    }
}
