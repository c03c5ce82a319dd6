package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.cli.EnvExports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare's own wrangler CLI (npm, pinned) against a real Outpost stack, configured only by the lines of
 * {@code bin/outpost env}: deploy of a worker with vars, a KV namespace and a D1 database (API-2, API-3, API-5),
 * redeploy through the versions API (API-4), secrets (API-6), KV keys (KV-10), routes and cron triggers from
 * wrangler.toml (API-5, CRON-2/3), deployments and versions listings, a command Outpost does not serve (its error
 * names the call), and delete. The tests run in order on one worker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WranglerEndToEndTest {
    /** 11000; another offset with -Doutpost.it.wrangler-offset when 11000 is taken. */
    static final int OFFSET = Integer.getInteger("outpost.it.wrangler-offset", 11000);
    static final String WORKER = "wr-e2e";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern VERSION_ID = Pattern.compile("Current Version ID: ([0-9a-f-]{36})");

    @TempDir
    static Path state;
    static LocalStack stack;
    static Path wrangler;
    static Path project;
    static Map<String, String> env;
    static String kvId;
    static String dbId;
    static String lastVersion;
    static final HttpClient http = ItStack.HTTP;

    static final String SOURCE = """
            export default {
              async fetch(request, env) {
                // KV allows one write per second to a key (KV-5): write it once, not on every request
                if (await env.KV.get('seen') !== 'yes') await env.KV.put('seen', 'yes');
                const row = await env.DB.prepare('SELECT 40 + 2 AS answer').first();
                return Response.json({ greeting: env.GREETING, kv: await env.KV.get('seen'), answer: row.answer,
                  secret: env.API_KEY ?? null, path: new URL(request.url).pathname });
              }
            };
            """;

    @BeforeAll
    static void start() throws Exception {
        wrangler = WranglerTool.ensure(ItStack.REPO);
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KV, Component.D1, Component.S3,
                Component.R2, Component.KAFKA, Component.QUEUE, Component.GATEWAY).build();
        stack.start();
        env = wranglerEnv();
        kvId = api("POST", "/accounts/" + account() + "/storage/kv/namespaces", "{\"title\":\"wrangler-e2e\"}")
                .path("result").path("id").asText();
        HttpResponse<String> db = http.send(HttpRequest.newBuilder(URI.create(stack.url(Component.D1)
                        + "/client/v4/accounts/" + account() + "/d1/database"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"wrangler-e2e\"}")).build(), HttpResponse.BodyHandlers.ofString());
        dbId = JSON.readTree(db.body()).path("result").path("uuid").asText();
        assertTrue(!kvId.isEmpty() && !dbId.isEmpty(), "KV namespace and D1 database created");
        project = Files.createDirectories(state.resolve("project"));
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/index.js"), SOURCE);
        writeConfig("");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** What {@code eval "$(bin/outpost env)"} exports, plus a private HOME so wrangler writes nothing in the user's. */
    static Map<String, String> wranglerEnv() throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : EnvExports.lines(stack.ports(), stack.credentials())) {
            if (line.startsWith("export ")) {
                String assignment = line.substring(7);
                int eq = assignment.indexOf('=');
                String value = assignment.substring(eq + 1);
                if (value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1).replace("'\\''", "'");
                }
                out.put(assignment.substring(0, eq), value);
            }
        }
        assertEquals(stack.apiBaseUrl(), out.get("CLOUDFLARE_API_BASE_URL"));
        assertTrue(out.containsKey("CLOUDFLARE_API_TOKEN") && out.containsKey("CLOUDFLARE_ACCOUNT_ID"), out.toString());
        Path home = Files.createDirectories(state.resolve("home"));
        out.put("HOME", home.toString());
        out.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        out.put("WRANGLER_SEND_ERROR_REPORTS", "false");
        out.put("CI", "true");
        out.put("NO_COLOR", "1");
        out.put("FORCE_COLOR", "0");
        return out;
    }

    static void writeConfig(String extra) throws IOException {
        Files.writeString(project.resolve("wrangler.toml"), """
                name = "%s"
                main = "src/index.js"
                compatibility_date = "2025-01-01"
                %s

                [vars]
                GREETING = "hello from wrangler"

                [[kv_namespaces]]
                binding = "KV"
                id = "%s"

                [[d1_databases]]
                binding = "DB"
                database_name = "wrangler-e2e"
                database_id = "%s"
                """.formatted(WORKER, extra, kvId, dbId));
    }

    record Run(int exit, String output) {
    }

    static Run wrangler(String stdin, String... args) throws Exception {
        return wranglerIn(project, stdin, args);
    }

    static Run wranglerIn(Path dir, String stdin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(wrangler.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("CLOUDFLARE_") || k.startsWith("CF_") || k.startsWith("WRANGLER_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("wrangler " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Run ok(String stdin, String... args) throws Exception {
        Run run = wrangler(stdin, args);
        assertEquals(0, run.exit(), "wrangler " + String.join(" ", args) + " failed:\n" + run.output());
        return run;
    }

    static String versionOf(Run deploy) {
        Matcher m = VERSION_ID.matcher(deploy.output());
        assertTrue(m.find(), deploy.output());
        return m.group(1);
    }

    static HttpResponse<String> call(String host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.ports().workerPort() + path))
                .header("Host", host).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode worker(String host, String path) throws Exception {
        HttpResponse<String> response = call(host, path);
        assertEquals(200, response.statusCode(), host + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static String account() {
        return stack.credentials().accountId();
    }

    @Test
    @Order(1)
    void deployCreatesTheWorkerWithVarsKvAndD1() throws Exception {
        Run deploy = ok(null, "deploy");
        assertTrue(deploy.output().contains("Uploaded " + WORKER), deploy.output());
        lastVersion = versionOf(deploy);
        // workers.dev: wrangler prints <worker>.<account subdomain>.workers.dev; host routing serves that name
        assertTrue(deploy.output().contains(WORKER + ".outpost.workers.dev"), deploy.output());
        JsonNode out = worker(WORKER + ".outpost.workers.dev", "/hello");
        assertEquals("hello from wrangler", out.path("greeting").asText());
        assertEquals("yes", out.path("kv").asText());
        assertEquals(42, out.path("answer").asInt());
        assertTrue(out.path("secret").isNull());
    }

    @Test
    @Order(2)
    void secretsArePutListedKeptAcrossADeployAndDeleted() throws Exception {
        ok("s3cr3t-from-wrangler", "secret", "put", "API_KEY");
        Run list = ok(null, "secret", "list");
        assertTrue(list.output().contains("\"API_KEY\"") && list.output().contains("secret_text"), list.output());
        assertTrue(!list.output().contains("s3cr3t-from-wrangler"), "a secret value is never listed");
        assertEquals("s3cr3t-from-wrangler", worker(WORKER + ".localhost", "/").path("secret").asText());

        // A second deploy of an existing worker goes through POST .../versions + POST .../deployments (API-4);
        // secrets set with wrangler survive it.
        Run redeploy = ok(null, "deploy");
        String version = versionOf(redeploy);
        assertNotEquals(lastVersion, version);
        lastVersion = version;
        assertEquals("s3cr3t-from-wrangler", worker(WORKER + ".localhost", "/").path("secret").asText());

        ok(null, "secret", "delete", "API_KEY");
        assertTrue(worker(WORKER + ".localhost", "/").path("secret").isNull());
        assertTrue(!ok(null, "secret", "list").output().contains("API_KEY"));

        // API-4/API-6: `secret bulk` reads the settings and PATCHes them back with the new secrets (a new version);
        // the other bindings are kept as {type, name} entries.
        ok("{\"API_KEY\":\"from-bulk\"}", "secret", "bulk");
        JsonNode bulk = worker(WORKER + ".localhost", "/");
        assertEquals("from-bulk", bulk.path("secret").asText(), bulk.toString());
        assertEquals("hello from wrangler", bulk.path("greeting").asText(), bulk.toString());
        assertEquals(42, bulk.path("answer").asInt(), bulk.toString());
        ok(null, "secret", "delete", "API_KEY");
        assertTrue(worker(WORKER + ".localhost", "/").path("secret").isNull());
    }

    @Test
    @Order(3)
    void deploymentsAndVersionsAreListed() throws Exception {
        Run deployments = ok(null, "deployments", "list");
        assertTrue(deployments.output().contains(lastVersion), deployments.output());
        assertTrue(deployments.output().contains("(100%) " + lastVersion), deployments.output());
        Run versions = ok(null, "versions", "list");
        assertTrue(versions.output().contains(lastVersion), versions.output());
    }

    @Test
    @Order(4)
    void kvKeysArePutReadListedAndDeleted() throws Exception {
        String ns = "--namespace-id=" + kvId;
        ok(null, "kv", "key", "put", ns, "--remote", "greeting", "hi from wrangler");
        assertTrue(ok(null, "kv", "key", "get", ns, "--remote", "greeting").output().contains("hi from wrangler"));
        JsonNode keys = JSON.readTree(jsonPart(ok(null, "kv", "key", "list", ns, "--remote").output()));
        assertTrue(keys.findValuesAsText("name").containsAll(List.of("greeting", "seen")), keys.toString());
        ok(null, "kv", "key", "delete", ns, "--remote", "greeting");
        JsonNode after = JSON.readTree(jsonPart(ok(null, "kv", "key", "list", ns, "--remote").output()));
        assertTrue(!after.findValuesAsText("name").contains("greeting"), after.toString());
    }

    @Test
    @Order(5)
    void routesAndCronTriggersFromWranglerToml() throws Exception {
        writeConfig("""
                routes = ["api.wrangler-e2e.test/v1/*", "*.wrangler-e2e.test/*"]

                [triggers]
                crons = ["*/5 * * * *", "0 12 * * MON-FRI"]
                """);
        Run deploy = ok(null, "deploy");
        assertTrue(deploy.output().contains("api.wrangler-e2e.test/v1/*"), deploy.output());
        assertTrue(deploy.output().contains("schedule: 0 12 * * MON-FRI"), deploy.output());
        assertEquals("/v1/users", worker("api.wrangler-e2e.test", "/v1/users").path("path").asText());
        assertEquals("/", worker("www.wrangler-e2e.test:8787", "/").path("path").asText());
        assertEquals(404, call("wrangler-e2e.test", "/").statusCode(), "no pattern covers the bare domain");
        // With routes and no workers_dev setting, wrangler turns workers.dev off: host routing stops reaching it.
        assertEquals(404, call(WORKER + ".localhost", "/").statusCode());

        JsonNode routes = api("GET", "/accounts/" + account() + "/workers/scripts/" + WORKER + "/routes", null);
        assertEquals(List.of("*.wrangler-e2e.test/*", "api.wrangler-e2e.test/v1/*"),
                routes.path("result").findValuesAsText("pattern"));
        JsonNode schedules = api("GET", "/accounts/" + account() + "/workers/scripts/" + WORKER + "/schedules", null);
        assertEquals(List.of("*/5 * * * *", "0 12 * * MON-FRI"), schedules.path("result").path("schedules").findValuesAsText("cron"));
    }

    @Test
    @Order(6)
    void aCommandOutpostDoesNotServeNamesTheMissingEndpoint() throws Exception {
        Run run = wrangler(null, "hyperdrive", "list");
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Outpost does not serve GET /client/v4/accounts/" + account() + "/hyperdrive/configs"),
                run.output());
    }

    @Test
    @Order(7)
    void deleteRemovesTheWorkerItsRoutesAndSchedules() throws Exception {
        ok(null, "delete", "--force");
        assertEquals(404, call("api.wrangler-e2e.test", "/v1/users").statusCode());
        assertEquals(10007, api("GET", "/accounts/" + account() + "/workers/services/" + WORKER, null)
                .path("errors").path(0).path("code").asInt());
        JsonNode zoneRoutes = api("GET", "/zones?name=wrangler-e2e.test", null);
        String zone = zoneRoutes.path("result").path(0).path("id").asText();
        assertEquals(0, api("GET", "/zones/" + zone + "/workers/routes", null).path("result").size());
    }

    /**
     * D1-13 and R2-13 through wrangler's own resource commands, served by the gateway (which delegates to d1-service
     * and r2-service), then a worker with an {@code [[r2_buckets]]} binding deployed next to them.
     */
    @Test
    @Order(8)
    void d1AndR2ResourcesAreManagedWithWranglerAndBoundToAWorker() throws Exception {
        Run created = ok(null, "d1", "create", "wr-made-db");
        Matcher id = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")
                .matcher(created.output());
        assertTrue(id.find(), created.output());
        String madeId = id.group(1);
        ok(null, "d1", "execute", "wr-made-db", "--remote", "--command",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        ok(null, "d1", "execute", "wr-made-db", "--remote", "--command",
                "INSERT INTO notes (body) VALUES ('from wrangler')");
        Run selected = ok(null, "d1", "execute", "wr-made-db", "--remote", "--json", "--command",
                "SELECT body FROM notes");
        assertTrue(selected.output().contains("from wrangler"), selected.output());
        // D1-13 import and export through the gateway, in wrangler's own polling/signed-URL flows
        Path sql = state.resolve("notes.sql");
        Files.writeString(sql, "INSERT INTO notes (body) VALUES ('from a file; with a semicolon');\n"
                + "INSERT INTO notes (body) VALUES ('second from the file');\n");
        Run imported = ok(null, "d1", "execute", "wr-made-db", "--remote", "--yes", "--file", sql.toString());
        assertTrue(imported.output().contains("Executed 2 queries"), imported.output());
        Path dump = state.resolve("export.sql");
        ok(null, "d1", "export", "wr-made-db", "--remote", "--output", dump.toString());
        String exported = Files.readString(dump);
        assertTrue(exported.contains("CREATE TABLE") && exported.contains("from a file; with a semicolon")
                && exported.contains("from wrangler"), exported);
        Run listed = ok(null, "d1", "list", "--json");
        assertTrue(listed.output().contains(madeId) && listed.output().contains("wr-made-db"), listed.output());
        Run info = ok(null, "d1", "info", "wr-made-db", "--json");
        assertTrue(info.output().contains(madeId), info.output());

        ok(null, "r2", "bucket", "create", "wr-made-bucket");
        Run buckets = ok(null, "r2", "bucket", "list");
        assertTrue(buckets.output().contains("wr-made-bucket"), buckets.output());

        Path r2Project = Files.createDirectories(state.resolve("r2-project/src"));
        Files.writeString(r2Project.resolve("index.js"), """
                export default {
                  async fetch(request, env) {
                    await env.BUCKET.put('hello.txt', 'stored in R2');
                    const object = await env.BUCKET.get('hello.txt');
                    return new Response(await object.text());
                  }
                };
                """);
        Files.writeString(r2Project.getParent().resolve("wrangler.toml"), """
                name = "wr-r2"
                main = "src/index.js"
                compatibility_date = "2025-01-01"

                [[r2_buckets]]
                binding = "BUCKET"
                bucket_name = "wr-made-bucket"
                """);
        Run deploy = wranglerIn(r2Project.getParent(), null, "deploy");
        assertEquals(0, deploy.exit(), () -> deploy.output() + "\ngateway log:\n" + gatewayErrors());
        HttpResponse<String> answer = call("wr-r2.wrangler-e2e.test", "/");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("stored in R2", answer.body());

        ok(null, "d1", "delete", "wr-made-db", "--skip-confirmation");
        assertEquals(7404, api("GET", "/accounts/" + account() + "/d1/database/" + madeId, null)
                .path("errors").path(0).path("code").asInt());
    }

    /**
     * DO-1, DO-2, API-5 step 3, API-9: {@code wrangler deploy} of a worker with {@code [[durable_objects.bindings]]} and
     * {@code [[migrations]]}; wrangler reads the script's migration_tag to send only the new migrations on the
     * second deploy. The namespaces are listed by the API and the binding hands the worker real ids.
     */
    @Test
    @Order(9)
    void durableObjectBindingsAndMigrationsDeployWithWrangler() throws Exception {
        Path doProject = Files.createDirectories(state.resolve("do-project/src"));
        Files.writeString(doProject.resolve("index.js"), """
                import { DurableObject } from 'cloudflare:workers';
                export class Counter extends DurableObject {}
                export class Room extends DurableObject {}
                export default {
                  async fetch(request, env) {
                    const id = env.COUNTER.idFromName('alice');
                    return Response.json({ id: id.toString(), same: env.COUNTER.idFromString(id.toString()).equals(id),
                      room: typeof env.ROOM?.newUniqueId });
                  }
                };
                """);
        String config = """
                name = "wr-do"
                main = "src/index.js"
                compatibility_date = "2025-01-01"

                [[durable_objects.bindings]]
                name = "COUNTER"
                class_name = "Counter"
                %s
                [[migrations]]
                tag = "v1"
                new_sqlite_classes = ["Counter"]
                %s
                """;
        Files.writeString(doProject.getParent().resolve("wrangler.toml"), config.formatted("", ""));
        Run first = wranglerIn(doProject.getParent(), null, "deploy");
        assertEquals(0, first.exit(), () -> first.output() + "\ngateway log:\n" + gatewayErrors());
        JsonNode answer = worker("wr-do.wrangler-e2e.test", "/");
        assertTrue(answer.path("id").asText().matches("[0-9a-f]{64}"), answer.toString());
        assertTrue(answer.path("same").asBoolean(), answer.toString());

        // a second migration: wrangler must send old_tag v1 (read from the script) and only the v2 step
        Files.writeString(doProject.getParent().resolve("wrangler.toml"), config.formatted("""

                [[durable_objects.bindings]]
                name = "ROOM"
                class_name = "Room"
                """, """

                [[migrations]]
                tag = "v2"
                new_classes = ["Room"]
                """));
        Run second = wranglerIn(doProject.getParent(), null, "deploy");
        assertEquals(0, second.exit(), () -> second.output() + "\ngateway log:\n" + gatewayErrors());
        assertEquals("function", worker("wr-do.wrangler-e2e.test", "/").path("room").asText());
        JsonNode namespaces = api("GET", "/accounts/" + account() + "/workers/durable_objects/namespaces", null).path("result");
        List<String> classes = new java.util.ArrayList<>();
        namespaces.forEach(n -> {
            if ("wr-do".equals(n.path("script").asText())) {
                classes.add(n.path("class").asText() + ":" + n.path("use_sqlite").asBoolean());
            }
        });
        assertEquals(List.of("Counter:true", "Room:false"), classes, namespaces.toString());
    }

    /**
     * API-5 steps 4 and 6, API-8: {@code wrangler queues create}, then {@code wrangler deploy} of a worker with
     * {@code [[queues.producers]]} and {@code [[queues.consumers]]}: wrangler looks the queue up by name and adds the
     * worker as its consumer; {@code wrangler queues list} shows it; a redeploy keeps one consumer.
     */
    @Test
    @Order(10)
    void queueBindingsAndConsumersDeployWithWrangler() throws Exception {
        ok(null, "queues", "create", "wr-jobs");
        Path qProject = Files.createDirectories(state.resolve("queue-project/src"));
        Files.writeString(qProject.resolve("index.js"), """
                export default {
                  async fetch(request, env) {
                    return new Response(typeof env.JOBS.send);
                  },
                  async queue(batch, env) {}
                };
                """);
        Files.writeString(qProject.getParent().resolve("wrangler.toml"), """
                name = "wr-queue"
                main = "src/index.js"
                compatibility_date = "2025-01-01"

                [[queues.producers]]
                binding = "JOBS"
                queue = "wr-jobs"

                [[queues.consumers]]
                queue = "wr-jobs"
                max_batch_size = 25
                """);
        for (int i = 0; i < 2; i++) {
            Run deploy = wranglerIn(qProject.getParent(), null, "deploy");
            assertEquals(0, deploy.exit(), () -> deploy.output() + "\ngateway log:\n" + gatewayErrors());
        }
        HttpResponse<String> answer = call("wr-queue.wrangler-e2e.test", "/");
        assertEquals("function", answer.body());
        JsonNode queue = api("GET", "/accounts/" + account() + "/queues?name=wr-jobs", null).path("result").path(0);
        assertEquals(1, queue.path("consumers").size(), queue.toString());
        assertEquals("wr-queue", queue.path("consumers").path(0).path("script").asText(), queue.toString());
        assertEquals(25, queue.path("consumers").path(0).path("settings").path("batch_size").asInt(), queue.toString());
        Run listed = ok(null, "queues", "list");
        assertTrue(listed.output().contains("wr-jobs"), listed.output());
    }

    /** The gateway's logged errors, to explain a failed wrangler call. */
    static String gatewayErrors() {
        try (var files = Files.list(state.resolve("stack/logs"))) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("gateway")).toList()) {
                List<String> lines = Files.readAllLines(f).stream().filter(l -> l.contains("ERROR")
                        || l.contains("Exception") || l.contains("Caused by") || l.contains("at dev.outpost")).toList();
                out.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return out.toString();
        } catch (IOException e) {
            return "(no gateway log: " + e + ")";
        }
    }

    /** wrangler prints a banner before JSON output. */
    static String jsonPart(String output) {
        int start = output.indexOf('[');
        assertTrue(start >= 0, output);
        return output.substring(start);
    }
}
