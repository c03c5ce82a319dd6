package dev.outpost.runtime;

import dev.outpost.runtime.bindings.ServiceBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker surface beyond plain fetch: cloudflare:workers (RT-5), class entrypoints and ctx (RT-1, RT-4),
 * service-worker syntax (RT-2), request.cf (RT-9), scheduled handlers, service bindings (SVC-2, SVC-3).
 */
class WorkerSurfaceTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static LoadedWorker load(String source, WorkerEnvironment env) throws WorkerLoadException {
        return engine.load(single(source), env, RuntimeLimits.defaults());
    }

    private static LoadedWorker serviceWorker(String source, WorkerEnvironment env) throws WorkerLoadException {
        WorkerModule script = new WorkerModule("worker.js", ModuleType.COMMONJS, source.getBytes(StandardCharsets.UTF_8));
        return engine.load(bundle("worker.js", script), env, RuntimeLimits.defaults());
    }

    private static ScheduledResult scheduled(LoadedWorker worker, String cron, long time) throws Exception {
        return worker.scheduled(new ScheduledEvent(cron, time, "cron-1", null), Invocation.DEFAULT)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A service binding to a worker loaded in the same engine (what the gateway does through WorkerHost). */
    private record Linked(AtomicReference<LoadedWorker> target, Invocation invocation) implements ServiceBinding {
        Linked(LoadedWorker target, Invocation invocation) {
            this(new AtomicReference<>(target), invocation);
        }

        @Override
        public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
            return target.get().fetch(request, invocation);
        }

        @Override
        public CompletionStage<String> call(RpcCall call) {
            return target.get().call(call, invocation);
        }
    }

    @Test
    void cloudflareWorkersModuleExportsTheBaseClassesEnvAndWaitUntil() throws Exception {
        // RT-5
        WorkerEnvironment env = WorkerEnvironment.builder().text("GREETING", "hi").build();
        try (LoadedWorker worker = load("""
                import { WorkerEntrypoint, DurableObject, RpcTarget, RpcStub, env, waitUntil } from 'cloudflare:workers';
                const atStartup = env.GREETING;
                export default {
                  fetch(request, envArg, ctx) {
                    let done = false;
                    waitUntil(Promise.resolve().then(() => { done = true; }));
                    return Response.json({
                      types: [typeof WorkerEntrypoint, typeof DurableObject, typeof RpcTarget, typeof RpcStub],
                      entrypointIsRpcTarget: WorkerEntrypoint.prototype instanceof RpcTarget,
                      sameEnv: env === envArg, atStartup, props: ctx.props,
                    });
                  },
                };
                """, env)) {
            assertEquals("{\"types\":[\"function\",\"function\",\"function\",\"function\"],\"entrypointIsRpcTarget\":true,"
                    + "\"sameEnv\":true,\"atStartup\":\"hi\",\"props\":{}}", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void defaultExportClassGetsOneArgumentWithEnvAndCtxOnThis() throws Exception {
        // RT-1: class extending WorkerEntrypoint; RT-4: ctx methods need their receiver
        WorkerEnvironment env = WorkerEnvironment.builder().text("NAME", "outpost").build();
        try (LoadedWorker worker = load("""
                import { WorkerEntrypoint } from 'cloudflare:workers';
                export default class extends WorkerEntrypoint {
                  async fetch(request) {
                    const { waitUntil } = this.ctx;
                    let illegal;
                    try { waitUntil(Promise.resolve()); } catch (e) { illegal = `${e.name}: ${e.message}`; }
                    this.ctx.waitUntil(Promise.resolve());
                    this.ctx.passThroughOnException();
                    return new Response(`${this.env.NAME} ${arguments.length} ${new URL(request.url).pathname} ${illegal}`);
                  }
                }
                """, env)) {
            assertEquals("outpost 1 /p TypeError: Illegal invocation: function called with incorrect `this` reference."
                    + " See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors"
                    + " for details.", body(call(worker, get("https://x/p"))));
        }
    }

    @Test
    void passThroughOnExceptionWithoutAnOriginStillGivesTheErrorResponse() throws Exception {
        // RT-4: no origin behind the worker, so the platform's 500 (error 1101)
        try (LoadedWorker worker = load("""
                export default { fetch(request, env, ctx) { ctx.passThroughOnException(); throw new Error('boom'); } };
                """, WorkerEnvironment.empty())) {
            assertEquals(500, call(worker, get("https://x/")).status());
        }
    }

    @Test
    void serviceWorkerSyntaxRespondsThroughFetchEventsWithBindingsAsGlobals() throws Exception {
        // RT-2
        WorkerEnvironment env = WorkerEnvironment.builder().text("GREETING", "hello").json("CONF", "{\"n\":2}").build();
        try (LoadedWorker worker = serviceWorker("""
                var calls = 0;
                addEventListener('fetch', (event) => {
                  calls++;
                  event.waitUntil(Promise.resolve());
                  event.passThroughOnException();
                  if (new URL(event.request.url).pathname === '/none') return;
                  event.respondWith((async () => new Response(
                    `${GREETING} ${CONF.n} ${event.request.method} ${event instanceof FetchEvent} ${this === globalThis} ${globalThis.calls}`))());
                });
                """, env)) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(200, response.status());
            assertEquals("hello 2 GET true true 1", body(response));
            assertEquals(500, call(worker, get("https://x/none")).status(), "no respondWith() and no origin");
        }
    }

    @Test
    void serviceWorkerScheduledEventAndScriptsWithoutListenersFail() throws Exception {
        // RT-2: "scheduled" event {scheduledTime, cron, noRetry(), waitUntil()}
        try (LoadedWorker worker = serviceWorker("""
                addEventListener('scheduled', (event) => {
                  if (event.cron !== '*/5 * * * *' || event.scheduledTime !== 1700000000000) throw new Error('bad event');
                  event.noRetry();
                  event.waitUntil(Promise.resolve());
                });
                """, WorkerEnvironment.empty())) {
            assertEquals(new ScheduledResult("ok", true), scheduled(worker, "*/5 * * * *", 1_700_000_000_000L));
        }
        WorkerLoadException e = assertThrows(WorkerLoadException.class,
                () -> serviceWorker("const x = 1;", WorkerEnvironment.empty()));
        assertTrue(e.getMessage().contains("No event handlers were registered"), e.getMessage());
    }

    @Test
    void scheduledHandlerOutcomesIncludeWaitUntil() throws Exception {
        try (LoadedWorker worker = load("""
                export default {
                  async scheduled(controller, env, ctx) {
                    if (controller.cron === 'throw') throw new Error('cron failed');
                    if (controller.cron === 'reject-later') {
                      ctx.waitUntil(new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 10)));
                    }
                    if (controller.cron === 'no-retry') controller.noRetry();
                  },
                };
                """, WorkerEnvironment.empty())) {
            assertEquals(new ScheduledResult("ok", false), scheduled(worker, "* * * * *", 1L));
            assertEquals(new ScheduledResult("ok", true), scheduled(worker, "no-retry", 1L));
            ScheduledResult thrown = scheduled(worker, "throw", 1L);
            assertEquals("exception", thrown.outcome());
            // CRON-1: the cron runner records what failed first
            assertTrue(thrown.error().startsWith("Error: cron failed"), thrown.error());
            ScheduledResult rejected = scheduled(worker, "reject-later", 1L);
            assertEquals("exception", rejected.outcome());
            assertTrue(rejected.error().startsWith("Error: late"), rejected.error());
        }
    }

    @Test
    void requestCfIsTheIncomingRequestsOnly() throws Exception {
        // RT-9: cf on incoming requests; a Request built in the worker has none
        try (LoadedWorker worker = load("""
                export default {
                  fetch(request) {
                    return Response.json({ cf: request.cf ?? null, own: new Request('https://y/').cf ?? null,
                      copied: new Request(request).cf?.colo ?? null });
                  },
                };
                """, WorkerEnvironment.empty())) {
            WorkerResponse withCf = worker.fetch(get("https://x/"),
                    Invocation.incoming("{\"colo\":\"LCL\",\"httpProtocol\":\"HTTP/1.1\"}")).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals("{\"cf\":{\"colo\":\"LCL\",\"httpProtocol\":\"HTTP/1.1\"},\"own\":null,\"copied\":\"LCL\"}",
                    body(withCf));
            assertEquals("{\"cf\":null,\"own\":null,\"copied\":null}", body(call(worker, get("https://x/"))));
        }
    }

    private static final String TARGET = """
            import { WorkerEntrypoint } from 'cloudflare:workers';
            export default class Target extends WorkerEntrypoint {
              async fetch(request) {
                return new Response(`target saw ${request.method} ${new URL(request.url).pathname} `
                  + `${request.headers.get('x-test')} ${await request.text()}`, { status: 202, headers: { 'x-from': 'target' } });
              }
              add(a, b) { return a + b; }
              async echo(value) { return value; }
              whoami() { return { props: this.ctx.props, secret: this.env.SECRET }; }
              fail() { const e = new RangeError('out of range'); throw e; }
              custom() { const e = new Error('custom failure'); e.name = 'MyError'; throw e; }
              get version() { return 'v7'; }
              dom() { throw new DOMException('gone', 'AbortError'); }
              giveFunction() { return () => 1; }
            }
            export class Admin extends WorkerEntrypoint {
              role() { return 'admin:' + (this.ctx.props.user ?? 'nobody'); }
            }
            export const plain = { fetch() { return new Response('plain object entrypoint'); } };
            """;

    private static final String CALLER = """
            export default {
              async fetch(request, env) {
                const path = new URL(request.url).pathname;
                const run = async (f) => { try { return await f(); } catch (e) { return `${e.name}: ${e.message}`; } };
                if (path === '/fetch') {
                  const r = await env.TARGET.fetch('https://anything.invalid/hello', { method: 'POST', body: 'payload',
                    headers: { 'x-test': 'yes' } });
                  return new Response(`${r.status} ${r.headers.get('x-from')} ${await r.text()}`);
                }
                if (path === '/rpc') {
                  const cyclic = { name: 'c' }; cyclic.self = cyclic;
                  const value = { n: -0, big: 12345678901234567890n, date: new Date(5), map: new Map([['k', [1, undefined]]]),
                    set: new Set(['s']), bytes: new Uint8Array([1, 2, 255]), re: /a+/gi, nan: NaN, cyclic };
                  const back = await env.TARGET.echo(value);
                  return Response.json({
                    sum: await env.TARGET.add(2, 3),
                    roundTrip: Object.is(back.n, -0) && back.big === value.big && back.date.getTime() === 5
                      && back.map.get('k')[1] === undefined && back.map.get('k').length === 2 && back.set.has('s')
                      && back.bytes instanceof Uint8Array && back.bytes[2] === 255 && back.re.flags === 'gi'
                      && Number.isNaN(back.nan) && back.cyclic.self === back.cyclic,
                    whoami: await env.TARGET.whoami(),
                    version: await env.TARGET.version,
                    range: await run(() => env.TARGET.fail()),
                    rangeIsRangeError: await env.TARGET.fail().catch((e) => e instanceof RangeError && e.remote === true),
                    dom: await env.TARGET.dom().catch((e) => `${e.name} ${e instanceof DOMException}`),
                    custom: await run(() => env.TARGET.custom()),
                    missing: await run(() => env.TARGET.nope()),
                    internal: await run(() => env.TARGET.constructor2()),
                    notClonable: await run(() => env.TARGET.echo(() => 1)),
                    returnsFunction: await run(() => env.TARGET.giveFunction()),
                    admin: await env.ADMIN.role(),
                    plain: await (await env.PLAIN.fetch('https://x/')).text(),
                    plainRpc: await run(() => env.PLAIN.anything()),
                  });
                }
                return new Response('?', { status: 404 });
              },
            };
            """;

    @Test
    void serviceBindingFetchAndRpcReachTheTargetWorker() throws Exception {
        // SVC-2 (fetch), SVC-3 (RPC: structured clone, errors with name/message, named entrypoints, props)
        WorkerEnvironment targetEnv = WorkerEnvironment.builder().secret("SECRET", "s3cr3t").build();
        try (LoadedWorker target = load(TARGET, targetEnv)) {
            WorkerEnvironment callerEnv = WorkerEnvironment.builder()
                    .service("TARGET", new Linked(target, new Invocation(null, "{\"tenant\":\"t1\"}", null)))
                    .service("ADMIN", new Linked(target, new Invocation("Admin", "{\"user\":\"ann\"}", null)))
                    .service("PLAIN", new Linked(target, new Invocation("plain", null, null)))
                    .build();
            try (LoadedWorker caller = load(CALLER, callerEnv)) {
                assertEquals("202 target target saw POST /hello yes payload", body(call(caller, get("https://c/fetch"))));
                WorkerResponse rpc = call(caller, get("https://c/rpc"));
                assertEquals(200, rpc.status(), body(rpc));
                Map<String, String> expected = new LinkedHashMap<>();
                expected.put("sum", "5");
                expected.put("roundTrip", "true");
                expected.put("whoami", "{\"props\":{\"tenant\":\"t1\"},\"secret\":\"s3cr3t\"}");
                expected.put("version", "\"v7\"");
                expected.put("range", "\"RangeError: out of range\"");
                expected.put("rangeIsRangeError", "true");
                expected.put("custom", "\"Error: MyError: custom failure\"");
                expected.put("missing", "\"TypeError: The RPC receiver does not implement the method \\\"nope\\\".\"");
                expected.put("internal", "\"TypeError: The RPC receiver does not implement the method \\\"constructor2\\\".\"");
                String text = body(rpc);
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    assertTrue(text.contains("\"" + e.getKey() + "\":" + e.getValue()), e.getKey() + " in " + text);
                }
                assertTrue(text.contains("\"notClonable\":\"DataCloneError: Could not serialize object of type \\\"function\\\""), text);
                assertTrue(text.contains("\"returnsFunction\":\"DataCloneError"), text);
                assertTrue(text.contains("\"admin\":\"admin:ann\""), text);
                assertTrue(text.contains("\"dom\":\"AbortError true\""), text);
                assertTrue(text.contains("\"plain\":\"plain object entrypoint\""), text);
                assertTrue(text.contains("\"plainRpc\":\"TypeError: The RPC receiver does not implement the method \\\"anything\\\".\""), text);
            }
        }
    }

    @Test
    void rpcToAWorkerOverItsCpuLimitFailsTheCallNotTheCaller() throws Exception {
        // SVC-2: the target has its own CPU budget; its failure is the caller's rejected promise
        try (LoadedWorker target = engine.load(single("""
                import { WorkerEntrypoint } from 'cloudflare:workers';
                export default class extends WorkerEntrypoint { spin() { for (;;) {} } }
                """), WorkerEnvironment.empty(), limits(java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(5)))) {
            WorkerEnvironment env = WorkerEnvironment.builder().service("T", new Linked(target, Invocation.DEFAULT)).build();
            try (LoadedWorker caller = load("""
                    export default { async fetch(r, env) {
                      try { await env.T.spin(); return new Response('no error?'); }
                      catch (e) { return new Response(`${e.name}: ${e.message}`); } } };
                    """, env)) {
                assertEquals("Error: Worker exceeded CPU time limit.", body(call(caller, get("https://c/"))));
            }
        }
    }

    @Test
    void commonJsModulePartsAreImportableAndRequireEachOther() throws Exception {
        // wrangler's CommonJS rule: application/javascript parts next to an ES main module
        WorkerBundle bundle = bundle("main.js",
                esm("main.js", """
                        import greet, { shout } from './lib/greet.cjs';
                        import config from './config.js';
                        export default { fetch() { return new Response(`${greet('ann')} ${shout('bob')} ${config.port}`); } };
                        """),
                new WorkerModule("lib/greet.cjs", ModuleType.COMMONJS, """
                        const { prefix } = require('./words');
                        module.exports = function greet(name) { return prefix + ' ' + name; };
                        module.exports.shout = (name) => (prefix + ' ' + name).toUpperCase() + '!';
                        """.getBytes(StandardCharsets.UTF_8)),
                new WorkerModule("lib/words.js", ModuleType.COMMONJS,
                        "exports.prefix = 'hello'; exports.loadedBy = __filename;".getBytes(StandardCharsets.UTF_8)),
                new WorkerModule("config.js", ModuleType.COMMONJS,
                        "module.exports = { port: 8787 };".getBytes(StandardCharsets.UTF_8)));
        try (LoadedWorker worker = engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertEquals("hello ann HELLO BOB! 8787", body(call(worker, get("https://x/"))));
        }
        WorkerBundle missing = bundle("main.js", esm("main.js", "import x from './a.cjs'; export default { fetch() {} };"),
                new WorkerModule("a.cjs", ModuleType.COMMONJS, "require('./nope');".getBytes(StandardCharsets.UTF_8)));
        WorkerLoadException e = assertThrows(WorkerLoadException.class,
                () -> engine.load(missing, WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(e.getMessage().contains("Cannot find module './nope'"), e.getMessage());
    }

    @Test
    void rpcOutcomesAreReadableWithoutJs() {
        // io/EntrypointDispatch: platform failures become outcomes
        assertEquals(new ScheduledResult("exceededCpu", false), dev.outpost.runtime.io.EntrypointDispatch.scheduledResult(
                new WorkerResponse(503, "", List.of(), "Worker exceeded CPU time limit.".getBytes(StandardCharsets.UTF_8))));
        assertFalse(dev.outpost.runtime.io.EntrypointDispatch.scheduledResult(
                new WorkerResponse(500, "", List.of(), new byte[0])).ok());
    }
}
