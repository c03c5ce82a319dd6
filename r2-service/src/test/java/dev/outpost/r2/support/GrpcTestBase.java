package dev.outpost.r2.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/** Real gRPC clients per test, and helpers for asserting R2 error codes. */
public abstract class GrpcTestBase {

    @TestHTTPResource("/")
    protected URL url;

    protected GrpcClients clients;
    protected R2Calls r2;

    @BeforeEach
    void connect() {
        clients = new GrpcClients(url.getPort());
        r2 = new R2Calls(clients);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        clients.close();
    }

    /** A fresh bucket (unique name) in the account. */
    protected String newBucket(String account) {
        String name = "b-" + UUID.randomUUID().toString().substring(0, 13);
        clients.createBucket(account, name);
        return name;
    }

    /** Runs the call, expects a failure with that R2 code, returns it. */
    protected static StatusRuntimeException assertR2Error(int code, Executable call) {
        Throwable t = assertThrows(Throwable.class, call);
        while (!(t instanceof StatusRuntimeException) && t.getCause() != null) {
            t = t.getCause();
        }
        StatusRuntimeException e = (StatusRuntimeException) t;
        assertEquals(Integer.toString(code), OutpostErrors.codeOf(e), "R2 code of " + OutpostErrors.messageOf(e));
        return e;
    }
}
