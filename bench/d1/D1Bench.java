import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import outpost.bench.Http;
import outpost.bench.InProcess;
import outpost.bench.Report;
import outpost.bench.StateDir;
import outpost.bench.Stats;
import outpost.bench.Wrk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * D1 benchmark (issue 7): point select by primary key and single-row insert, side by side, through
 * (a) a worker's env.DB over HTTP, (b) d1-service's REST API — both driven by wrk (bench/common/requests.lua) —
 * and (c) raw sqlite-jdbc on a WAL file in this JVM (the floor). Starts PostgreSQL + d1-service + gateway as
 * processes (the same launcher as bin/outpost up) at a port offset. Not part of the test suite: bench/d1/run.sh.
 */
public class D1Bench {
    static final int ROWS = 10_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = Http.options(args, Map.of("seconds", "5", "warmup", "15", "connections", "1,16",
                "wrk-threads", "1", "offset", "10600", "repo", Path.of("").toAbsolutePath().toString(),
                "script", "bench/common/requests.lua", "hold", "0"));
        int seconds = Integer.parseInt(opt.get("seconds"));
        int warmup = Integer.parseInt(opt.get("warmup"));
        int[] connectionCounts = Arrays.stream(opt.get("connections").split(",")).mapToInt(Integer::parseInt).toArray();
        int offset = Integer.parseInt(opt.get("offset"));
        Path state = Files.createTempDirectory("d1-bench");
        LocalStack stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.D1, Component.GATEWAY)).build();
        stack.start();
        try {
            String account = stack.credentials().accountId();
            String token = stack.credentials().apiToken();
            String d1Base = stack.url(Component.D1) + "/client/v4/accounts/" + account + "/d1/database";
            String dbId = Http.post(d1Base, token, "{\"name\":\"bench\"}").path("result").path("uuid").asText();
            String queryUrl = d1Base + "/" + dbId + "/query";
            Http.post(queryUrl, token, "{\"sql\":\"CREATE TABLE kv (id INTEGER PRIMARY KEY, v TEXT NOT NULL)\"}");
            Http.post(queryUrl, token, "{\"sql\":\"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + ROWS + ") INSERT INTO kv SELECT i, 'value-' || i FROM n\"}");

            Path script = Files.createDirectories(state.resolve("scripts")).resolve("bench.js");
            Files.writeString(script, """
                    export default {
                      async fetch(request, env) {
                        const url = new URL(request.url);
                        const id = Number(url.searchParams.get('id'));
                        if (url.pathname === '/get') {
                          const row = await env.DB.prepare('SELECT v FROM kv WHERE id = ?').bind(id).first();
                          if (row === null) return new Response('no row ' + id, { status: 404 });
                          return new Response(row.v);
                        }
                        const r = await env.DB.prepare('INSERT INTO kv (id, v) VALUES (?, ?)').bind(id, 'x').run();
                        return new Response(String(r.meta.changes));
                      }
                    };""");
            WorkerBundle bundle = WorkerBundle.fromPath(script, null);
            ObjectNode metadata = Http.JSON.createObjectNode();
            metadata.put("main_module", bundle.mainModule());
            metadata.put("compatibility_date", "2025-01-01");
            metadata.putArray("bindings").addObject().put("type", "d1").put("name", "DB").put("id", dbId);
            new ControlPlaneClient(stack.apiBaseUrl(), account, token, Http.JSON).uploadScript("bench", bundle, metadata);
            String workerBase = "http://127.0.0.1:" + (8787 + offset);
            String answer = Http.getWorker(workerBase + "/get?id=42", "bench.localhost");
            if (!answer.equals("value-42")) {
                throw new IllegalStateException("worker answered '" + answer + "' for row 42");
            }

            if (Integer.parseInt(opt.get("hold")) > 0) {
                // For profiling by hand (JFR, wrk with other settings): keep the stack up, measure nothing.
                System.out.printf("holding %s s: worker %s (Host bench.localhost), REST %s, state %s%n", opt.get("hold"),
                        workerBase, queryUrl, state);
                Thread.sleep(Integer.parseInt(opt.get("hold")) * 1000L);
                return;
            }

            // (c) the floor: the same schema in a WAL file, synchronous=FULL (each commit durable, as D1 acknowledges)
            Path file = state.resolve("floor.sqlite");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE kv (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS
                        + ") INSERT INTO kv SELECT i, 'value-' || i FROM n");
            }
            ThreadLocal<Connection> jdbc = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA synchronous=FULL");
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            AtomicLong nextId = new AtomicLong(1_000_000);
            InProcess.Op jdbcSelect = i -> {
                try (PreparedStatement p = jdbc.get().prepareStatement("SELECT v FROM kv WHERE id = ?")) {
                    p.setLong(1, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        rs.getString(1);
                    }
                }
            };
            InProcess.Op jdbcInsert = i -> {
                try (PreparedStatement p = jdbc.get().prepareStatement("INSERT INTO kv (id, v) VALUES (?, ?)")) {
                    p.setLong(1, nextId.incrementAndGet());
                    p.setString(2, "x");
                    p.executeUpdate();
                }
            };

            Wrk worker = new Wrk(workerBase, Path.of(opt.get("script")), Integer.parseInt(opt.get("wrk-threads")),
                    seconds, warmup);
            Wrk rest = new Wrk(stack.url(Component.D1), Path.of(opt.get("script")),
                    Integer.parseInt(opt.get("wrk-threads")), seconds, warmup);
            String host = "Host: bench.localhost";
            String auth = "Authorization: Bearer " + token;
            String json = "Content-Type: application/json";
            String restPath = "/client/v4/accounts/" + account + "/d1/database/" + dbId + "/query";
            System.out.printf("D1 bench: wrk -t%s, %d s per path after %d s warm-up, %d cores%n",
                    opt.get("wrk-threads"), seconds, warmup, Runtime.getRuntime().availableProcessors());
            for (int c : connectionCounts) {
                Stats ws = worker.measure("worker select", c, "GET", "/get?id={r}", null, ROWS, host);
                Stats rs = rest.measure("rest select", c, "POST", restPath,
                        "{\"sql\":\"SELECT v FROM kv WHERE id = ?\",\"params\":[{r}]}", ROWS, auth, json);
                Stats js = InProcess.measure("jdbc select", c, warmup, seconds, jdbcSelect);
                Report.table("select, " + c + " connection(s) / jdbc threads", List.of(ws, rs, js), js);
                System.out.printf("  worker/rest throughput %.2fx%n", ws.opsPerSecond() / rs.opsPerSecond());
                Stats wi = worker.measure("worker insert", c, "GET", "/put?id={n}", null, 1, host);
                Stats ri = rest.measure("rest insert", c, "POST", restPath,
                        "{\"sql\":\"INSERT INTO kv (id, v) VALUES (?, ?)\",\"params\":[{n},\"x\"]}", 1, auth, json);
                Stats ji = InProcess.measure("jdbc insert", c, warmup, seconds, jdbcInsert);
                Report.table("insert, " + c + " connection(s) / jdbc threads", List.of(wi, ri, ji), ji);
                System.out.printf("  worker/rest throughput %.2fx%n", wi.opsPerSecond() / ri.opsPerSecond());
            }
        } finally {
            stack.stop();
            StateDir.delete(state);
        }
    }
}
