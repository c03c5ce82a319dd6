package dev.outpost.kv.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.function.Executable;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Small helpers shared by the gRPC tests. */
final class GrpcTestSupport {

    private GrpcTestSupport() {
    }

    static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }

    static Caller caller(String account) {
        return Caller.newBuilder().setAccountId(account).setScriptName("test").build();
    }

    /** A fresh namespace of {@code account}, as a ref ready for data calls. */
    static NamespaceRef newNamespace(KvServiceGrpc.KvServiceBlockingStub kv, String account) {
        String id = kv.createNamespace(CreateNamespaceRequest.newBuilder()
                .setCaller(caller(account)).setTitle("ns-" + UUID.randomUUID()).build()).getId();
        return NamespaceRef.newBuilder().setCaller(caller(account)).setNamespaceId(id).build();
    }

    /** Asserts that a call fails with this gRPC status, Outpost error code and message (null = any message). */
    static void assertKvError(Status.Code status, String code, String message, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(status, e.getStatus().getCode(), () -> "status of " + e);
        assertEquals(code, OutpostErrors.codeOf(e), () -> "code of " + e);
        if (message != null) {
            assertEquals(message, OutpostErrors.messageOf(e));
        }
    }
}
