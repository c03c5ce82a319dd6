package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploys against a fake control-plane API on a real socket and checks what went over the wire. */
class WorkerDeployerTest {
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "secret-token";

    @TempDir
    Path dir;
    FakeControlPlane api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void startApi() throws Exception {
        api = new FakeControlPlane(0, ACCOUNT, TOKEN);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private WorkerDeployer deployer(String token) {
        return new WorkerDeployer(new ControlPlaneClient(api.apiBase(), ACCOUNT, token, json), json);
    }

    @Test
    void kvNamespaceIsFoundOnALaterPage() {
        for (int i = 0; i < 150; i++) {
            api.namespaces.put("ns-" + i, "id-" + i);
        }
        assertEquals("id-142", new ControlPlaneClient(api.apiBase(), ACCOUNT, TOKEN, json).ensureKvNamespace("ns-142"));
        List<FakeControlPlane.Received> gets = api.requests("GET");
        assertEquals(List.of("per_page=100&page=1", "per_page=100&page=2"), gets.stream().map(FakeControlPlane.Received::query).toList());
        assertTrue(api.requests("POST").isEmpty(), "found, so nothing is created");
    }

    @Test
    void missingKvNamespaceIsCreated() throws Exception {
        api.namespaces.put("other", "id-other");
        assertEquals("id-hello-kv", new ControlPlaneClient(api.apiBase(), ACCOUNT, TOKEN, json).ensureKvNamespace("hello-kv"));
        FakeControlPlane.Received post = api.requests("POST").get(0);
        assertEquals("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces", post.path());
        assertEquals("hello-kv", json.readTree(post.body()).path("title").asText());
        assertEquals("application/json", post.headers().get("content-type"));
    }

    @Test
    void uploadSendsMetadataAndEveryModuleAsMultipart() throws Exception {
        Files.writeString(dir.resolve("index.js"), "import msg from './msg.txt'; export default {}");
        Files.writeString(dir.resolve("msg.txt"), "hello");
        Files.createDirectories(dir.resolve("wasm"));
        Files.write(dir.resolve("wasm/add.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        api.namespaces.put("hello-kv", "kv-id-1");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GREETING", "Hi");
        DeployRequest req = new DeployRequest(dir, "hello", vars, Map.of("KV", "hello-kv"),
                LocalDate.of(2025, 1, 2), List.of("nodejs_compat"), null);

        JsonNode result = deployer(TOKEN).deploy(req);

        assertEquals("etag-1", result.path("etag").asText());
        FakeControlPlane.Received put = api.requests("PUT").get(0);
        assertEquals("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/hello", put.path());
        assertEquals("Bearer " + TOKEN, put.headers().get("authorization"));
        List<Multipart.Part> parts = Multipart.parse(put.headers().get("content-type"), put.body());
        assertEquals(List.of("metadata", "index.js", "msg.txt", "wasm/add.wasm"), parts.stream().map(Multipart.Part::name).toList());
        assertEquals("application/json", parts.get(0).headers().get("content-type"));
        JsonNode meta = json.readTree(parts.get(0).content());
        assertEquals(json.readTree("""
                {"main_module":"index.js",
                 "bindings":[{"type":"plain_text","name":"GREETING","text":"Hi"},
                             {"type":"kv_namespace","name":"KV","namespace_id":"kv-id-1"}],
                 "compatibility_date":"2025-01-02","compatibility_flags":["nodejs_compat"]}"""), meta);
        assertEquals("index.js", parts.get(1).filename());
        assertEquals("application/javascript+module", parts.get(1).headers().get("content-type"));
        assertEquals("text/plain", parts.get(2).headers().get("content-type"));
        assertEquals("application/wasm", parts.get(3).headers().get("content-type"));
        assertEquals(8, parts.get(3).content().length);
    }

    @Test
    void apiErrorsComeBackAsTheirMessages() throws Exception {
        Files.writeString(dir.resolve("index.js"), "export default {}");
        api.uploadErrors = List.of("Uncaught SyntaxError at index.js:1", "second problem");
        DeployRequest req = new DeployRequest(dir, "broken", Map.of(), Map.of(), LocalDate.of(2025, 1, 2), List.of(), null);
        ControlPlaneException e = assertThrows(ControlPlaneException.class, () -> deployer(TOKEN).deploy(req));
        assertEquals(400, e.status());
        assertEquals(List.of("Uncaught SyntaxError at index.js:1 [code 10021]", "second problem [code 10021]"), e.messages());

        ControlPlaneException auth = assertThrows(ControlPlaneException.class, () -> deployer("wrong").deploy(req));
        assertEquals(401, auth.status());
        assertEquals(List.of("Authentication error [code 10000]"), auth.messages());
    }

    @Test
    void anUnreachableGatewaySaysSo() throws Exception {
        Files.writeString(dir.resolve("index.js"), "export default {}");
        int port = api.port();
        api.close();
        ControlPlaneClient client = new ControlPlaneClient("http://127.0.0.1:" + port + "/client/v4", ACCOUNT, TOKEN, json);
        DeployRequest req = new DeployRequest(dir, "w", Map.of(), Map.of(), LocalDate.of(2025, 1, 2), List.of(), null);
        ControlPlaneException e = assertThrows(ControlPlaneException.class, () -> new WorkerDeployer(client, json).deploy(req));
        assertTrue(e.getMessage().contains("cannot reach") && e.getMessage().contains("outpost up"), e.getMessage());
    }
}
