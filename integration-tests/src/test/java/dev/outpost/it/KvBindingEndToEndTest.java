package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.DeployRequest;
import dev.outpost.localstack.deploy.WorkerDeployer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KV-3/KV-4 against the real kv-service: a worker's bulk get and getWithMetadata of an array go through the
 * gateway's GetMany to Infinispan; KV-9: a put through the gateway is visible to the next read (near cache).
 */
class KvBindingEndToEndTest {
    static final int OFFSET = 5000;

    @TempDir
    static Path state;
    static LocalStack stack;
    static WorkerDeployer deployer;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of("..").toAbsolutePath().normalize())
                .portOffset(OFFSET).components(EnumSet.of(Component.POSTGRES, Component.KV, Component.GATEWAY))
                .build();
        stack.start();
        deployer = new WorkerDeployer(new ControlPlaneClient(stack.apiBaseUrl(), stack.credentials().accountId(),
                stack.credentials().apiToken(), new ObjectMapper()), new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static HttpResponse<String> call(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + path))
                .header("Host", "kv-bulk.localhost").timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bulkGetAndNearCacheAgainstTheRealKvService() throws Exception {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve("kv-bulk.js");
        Files.writeString(file, """
                export default {
                  async fetch(request, env) {
                    const url = new URL(request.url);
                    if (url.pathname === '/seed') {
                      await env.KV.put('a', '{"n":1}', { metadata: { m: 'a' } });
                      await env.KV.put('b', 'plain');
                      return new Response('ok');
                    }
                    if (url.pathname === '/put') {
                      await env.KV.put('a', url.searchParams.get('v'));
                      return new Response(String(await env.KV.get('a')));
                    }
                    const text = [...(await env.KV.get(['a', 'b', 'missing'])).entries()];
                    const json = [...(await env.KV.get(['a'], 'json')).entries()];
                    const meta = [...(await env.KV.getWithMetadata(['a', 'missing'])).entries()];
                    return new Response(JSON.stringify({ text, json, meta }));
                  }
                };""");
        deployer.deploy(new DeployRequest(file, "kv-bulk", Map.of(), Map.of("KV", "kv-bulk-namespace"),
                LocalDate.of(2025, 1, 1), List.of(), null));
        assertEquals(200, call("/seed").statusCode());
        HttpResponse<String> bulk = call("/bulk");
        assertEquals(200, bulk.statusCode(), bulk.body());
        assertEquals("{\"text\":[[\"a\",\"{\\\"n\\\":1}\"],[\"b\",\"plain\"],[\"missing\",null]],"
                + "\"json\":[[\"a\",{\"n\":1}]],"
                + "\"meta\":[[\"a\",{\"value\":\"{\\\"n\\\":1}\",\"metadata\":{\"m\":\"a\"}}],[\"missing\",null]]}",
                bulk.body());
        // the bulk read cached 'a' in the gateway; a put through it invalidates, the next read sees the new value
        Thread.sleep(1100); // KV-5: 'a' was written by /seed; a second write within 1 s would get 429
        HttpResponse<String> put = call("/put?v=second");
        assertEquals("second", put.body());
    }
}
