package dev.outpost.d1;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.QueryResponse;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.contracts.d1.v1.Value;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.function.Executable;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A real gRPC client over a real socket, plus small builders for tests. */
public final class D1TestClient implements AutoCloseable {

    public final ManagedChannel channel;
    public final D1ServiceGrpc.D1ServiceBlockingStub stub;

    public D1TestClient(int port) {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        stub = D1ServiceGrpc.newBlockingStub(channel);
    }

    public D1ServiceGrpc.D1ServiceBlockingStub stub() {
        return stub.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    public static Caller caller(String account) {
        return Caller.newBuilder().setAccountId(account).setScriptName("test").build();
    }

    public static DatabaseRef ref(String account, String id) {
        return DatabaseRef.newBuilder().setCaller(caller(account)).setDatabaseId(id).build();
    }

    public Database create(String account, String name) {
        return stub().createDatabase(CreateDatabaseRequest.newBuilder().setCaller(caller(account)).setName(name).build());
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public QueryResponse query(String account, String id, Statement... statements) {
        return stub().query(QueryRequest.newBuilder().setDb(ref(account, id)).addAllStatements(java.util.List.of(statements)).build());
    }

    public static Statement stmt(String sql, Value... params) {
        return Statement.newBuilder().setSql(sql).addAllParams(java.util.List.of(params)).build();
    }

    public static Value i(long v) {
        return Value.newBuilder().setInteger(v).build();
    }

    public static Value r(double v) {
        return Value.newBuilder().setReal(v).build();
    }

    public static Value t(String v) {
        return Value.newBuilder().setText(v).build();
    }

    public static Value b(byte[] v) {
        return Value.newBuilder().setBlob(ByteString.copyFrom(v)).build();
    }

    public static Value nul() {
        return Value.newBuilder().setNullValue(true).build();
    }

    /** Asserts the call fails with this gRPC status and Outpost error code; returns the failure. */
    public static StatusRuntimeException fails(Status.Code status, String code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(status, e.getStatus().getCode(), () -> "status of " + e);
        assertEquals(code, OutpostErrors.codeOf(e), () -> "code of " + e);
        return e;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
