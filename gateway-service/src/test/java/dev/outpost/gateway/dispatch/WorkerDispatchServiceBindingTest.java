package dev.outpost.gateway.dispatch;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Header;
import dev.outpost.contracts.common.v1.HttpRequest;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.gateway.v1.WorkerCallRequest;
import dev.outpost.contracts.gateway.v1.WorkerDispatchServiceGrpc;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import dev.outpost.contracts.gateway.v1.WorkerRef;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SVC-2/SVC-3 for Durable Objects' service bindings, which reach workers through the gateway's
 * WorkerDispatchService (objects run in durable-object-service): Fetch and Call against the real gateway, over gRPC.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class WorkerDispatchServiceBindingTest {
    static final String TARGET = """
            import { WorkerEntrypoint } from 'cloudflare:workers';
            export class Named extends WorkerEntrypoint {
              async fetch(request) {
                return new Response(request.method + ' ' + request.url + ' ' + (await request.text()) + ' '
                  + request.headers.get('x-from') + ' ' + JSON.stringify(this.ctx.props), { status: 202,
                  headers: { 'x-target': 'named' } });
              }
              add(a, b) { return a + b; }
            }
            export default { fetch() { return new Response('default'); } };
            """;

    @Test
    void fetchAndCallReachTheTargetsEntrypointWithItsProps() throws Exception {
        ScriptUploads.deploy("dispatch-target", "[]", TARGET).statusCode(200);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", RestAssured.port).usePlaintext().build();
        try {
            var stub = WorkerDispatchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
            WorkerRef target = WorkerRef.newBuilder().setAccountId(ACCOUNT).setScriptName("dispatch-target").build();
            // SVC-2: method, URL, body and headers arrive; status, headers and body come back
            HttpResponse response = stub.fetch(WorkerFetchRequest.newBuilder().setWorker(target).setBinding("B")
                    .setEntrypoint("Named").setPropsJson("{\"tenant\":7}")
                    .setRequest(HttpRequest.newBuilder().setMethod("POST").setUrl("https://svc/x?y=1")
                            .addHeaders(Header.newBuilder().setName("x-from").setValue("object"))
                            .setBody(ByteString.copyFromUtf8("hi")))
                    .build());
            assertEquals(202, response.getStatus());
            assertEquals("POST https://svc/x?y=1 hi object {\"tenant\":7}", response.getBody().toStringUtf8());
            assertTrue(response.getHeadersList().stream().anyMatch(h -> h.getName().equals("x-target")
                    && h.getValue().equals("named")), response.toString());
            // SVC-3: RPC on the named entrypoint, arguments and outcome in the runtime's encoding
            String outcome = stub.call(WorkerCallRequest.newBuilder().setWorker(target).setBinding("B")
                    .setEntrypoint("Named").setMember("add").setArgumentsJson("{\"$\":\"arr\",\"v\":[2,3]}").build())
                    .getOutcomeJson();
            assertEquals("{\"ok\":true,\"value\":5}", outcome);
            // a target that is not deployed: the binding's message, as a worker's binding says it
            StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> stub.fetch(
                    WorkerFetchRequest.newBuilder().setBinding("GONE").setWorker(WorkerRef.newBuilder()
                                    .setAccountId(ACCOUNT).setScriptName("no-such-target"))
                            .setRequest(HttpRequest.newBuilder().setMethod("GET").setUrl("https://svc/")).build()));
            assertEquals("DISPATCH_TARGET_UNAVAILABLE", OutpostErrors.codeOf(missing));
            assertEquals("Service binding 'GONE' points at worker 'no-such-target', which is not deployed.",
                    OutpostErrors.messageOf(missing));
            // the loop limit counts the hops behind the call (error 1019 at 16)
            HttpResponse loop = stub.fetch(WorkerFetchRequest.newBuilder().setWorker(target).setDepth(16)
                    .setRequest(HttpRequest.newBuilder().setMethod("GET").setUrl("https://svc/")).build());
            assertTrue(loop.getBody().toStringUtf8().contains("1019"), loop.getBody().toStringUtf8());
        } finally {
            channel.shutdownNow();
        }
    }
}
