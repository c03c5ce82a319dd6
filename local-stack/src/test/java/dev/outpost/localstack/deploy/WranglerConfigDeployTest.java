package dev.outpost.localstack.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outpost deploy <dir>} with a wrangler.toml / wrangler.jsonc, against a fake control plane on a real socket. */
class WranglerConfigDeployTest {
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

    JsonNode uploadedMetadata() throws Exception {
        FakeControlPlane.Received put = api.requests("PUT").get(0);
        List<Multipart.Part> parts = Multipart.parse(put.headers().get("content-type"), put.body());
        return json.readTree(parts.get(0).content());
    }

    WorkerDeployer deployer() {
        return new WorkerDeployer(new ControlPlaneClient(api.apiBase(), ACCOUNT, TOKEN, json), json);
    }

    @Test
    void wranglerTomlSuppliesNameMainVarsBindingsAndCompatibility() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/index.js"), "export default { fetch() { return new Response('x'); } };");
        Files.writeString(dir.resolve("wrangler.toml"), """
                name = "from-toml"
                main = "./src/index.js"
                compatibility_date = "2025-03-04"
                compatibility_flags = ["nodejs_compat"]

                [vars]
                GREETING = "hi"
                LIMITS = { max = 3 }

                [[kv_namespaces]]
                binding = "KV"
                id = "kv-id-9"

                [[d1_databases]]
                binding = "DB"
                database_name = "db"
                database_id = "d1-id-7"
                """);
        // the command line wins: --var replaces the file's value, --compatibility-flag adds
        DeployRequest request = new DeployRequest(dir, null, Map.of("GREETING", "override"), Map.of(), null,
                List.of("extra_flag"), null);
        deployer().deploy(request);

        assertEquals("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/from-toml", api.requests("PUT").get(0).path());
        assertEquals(json.readTree("""
                {"main_module":"src/index.js",
                 "bindings":[{"type":"plain_text","name":"GREETING","text":"override"},
                             {"type":"json","name":"LIMITS","json":{"max":3}},
                             {"type":"kv_namespace","name":"KV","namespace_id":"kv-id-9"},
                             {"type":"d1","name":"DB","id":"d1-id-7"}],
                 "compatibility_date":"2025-03-04","compatibility_flags":["nodejs_compat","extra_flag"]}"""), uploadedMetadata());
        assertTrue(api.requests("GET").isEmpty(), "ids from the file need no lookup");
    }

    @Test
    void wranglerJsoncWithCommentsAndTrailingCommas() throws Exception {
        Files.writeString(dir.resolve("worker.js"), "export default { fetch() { return new Response('x'); } };");
        Files.writeString(dir.resolve("wrangler.jsonc"), """
                {
                  // a comment
                  "name": "from-jsonc",
                  "main": "worker.js",
                  "vars": { "A": "1", },
                }
                """);
        deployer().deploy(new DeployRequest(dir, "cli-name", Map.of(), Map.of(), LocalDate.of(2024, 1, 1), List.of(), null));
        assertEquals("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/cli-name", api.requests("PUT").get(0).path());
        JsonNode meta = uploadedMetadata();
        assertEquals("worker.js", meta.path("main_module").asText());
        assertEquals("2024-01-01", meta.path("compatibility_date").asText());
        assertEquals("1", meta.path("bindings").path(0).path("text").asText());
    }

    @Test
    void aBrokenConfigurationIsReportedWithItsFile() throws Exception {
        Files.writeString(dir.resolve("index.js"), "export default {};");
        Files.writeString(dir.resolve("wrangler.toml"), "name = \"x\"\n[[kv_namespaces]]\nbinding = \"KV\"\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> deployer().deploy(new DeployRequest(dir, null, Map.of(), Map.of(), null, List.of(), null)));
        assertTrue(e.getMessage().contains("wrangler.toml") && e.getMessage().contains("binding and id"), e.getMessage());
        Files.writeString(dir.resolve("wrangler.toml"), "name = = \"x\"");
        assertThrows(IllegalArgumentException.class,
                () -> deployer().deploy(new DeployRequest(dir, null, Map.of(), Map.of(), null, List.of(), null)));
        assertTrue(api.requests("PUT").isEmpty());
    }
}
