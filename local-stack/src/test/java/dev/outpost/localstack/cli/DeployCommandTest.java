package dev.outpost.localstack.cli;

import dev.outpost.localstack.config.CredentialStore;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.deploy.FakeControlPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code outpost deploy} end to end: state dir credentials + port offset + a fake gateway API on 8080+offset. */
class DeployCommandTest {
    @TempDir
    Path dir;

    private FakeControlPlane fakeGatewayAtSomeOffset(Credentials creds, int[] offsetOut) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(3000, 11000);
            try {
                offsetOut[0] = offset;
                return new FakeControlPlane(8080 + offset, creds.accountId(), creds.apiToken());
            } catch (IOException busy) {
                last = busy;
            }
        }
        throw last;
    }

    @Test
    void deployUsesTheStateDirsCredentialsAndPrintsTheWorkerUrl() throws Exception {
        Path state = dir.resolve("state");
        Credentials creds = new CredentialStore(state.resolve("credentials.properties")).loadOrCreate();
        Path worker = Files.createDirectories(dir.resolve("hello"));
        Files.writeString(worker.resolve("index.js"), "export default { fetch() { return new Response('hi') } }");
        int[] offset = new int[1];
        try (FakeControlPlane api = fakeGatewayAtSomeOffset(creds, offset)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = OutpostCli.run(List.of("deploy", worker.toString(), "--name", "hello", "--var", "GREETING=Hey", "--kv", "KV=hello-kv"),
                    Map.of("OUTPOST_HOME", state.toString(), "OUTPOST_PORT_OFFSET", Integer.toString(offset[0])), dir.toString(),
                    new PrintStream(out), new PrintStream(err));
            assertEquals(0, code, err.toString());
            assertTrue(out.toString().contains("Deployed hello: http://hello.localhost:" + (8787 + offset[0]) + "/"), out.toString());
            assertEquals("id-hello-kv", api.namespaces.get("hello-kv"));
            assertEquals(1, api.requests("PUT").size());

            api.uploadErrors = List.of("Worker startup failed: ReferenceError: x is not defined");
            ByteArrayOutputStream err2 = new ByteArrayOutputStream();
            int failed = OutpostCli.run(List.of("deploy", worker.toString(), "--name", "hello"),
                    Map.of("OUTPOST_HOME", state.toString(), "OUTPOST_PORT_OFFSET", Integer.toString(offset[0])), dir.toString(),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err2));
            assertEquals(1, failed);
            assertTrue(err2.toString().contains("ReferenceError: x is not defined"), err2.toString());
        }
    }
}
