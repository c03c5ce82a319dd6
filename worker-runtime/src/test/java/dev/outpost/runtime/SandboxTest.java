package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain V8, no Node globals, nothing of Java reachable from JS (ARCHITECTURE: sandbox). */
class SandboxTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void noNodeGlobalsNoHostObjectAndNoJavaObjects() throws Exception {
        try (LoadedWorker worker = engine.load(single("""
                export default {
                  fetch() {
                    const names = Reflect.ownKeys(globalThis).map(String);
                    const suspicious = names.filter((n) => /host|java|javet|__/i.test(n));
                    // Every global and every property one level down is an ordinary JS value: no proxy-backed
                    // Java objects (their typeof would be 'object' with a Java class behind a Proxy).
                    const kinds = new Set();
                    for (const name of Reflect.ownKeys(globalThis)) {
                      const v = globalThis[name];
                      kinds.add(typeof v);
                      if (v && typeof v === 'object') {
                        for (const k of Reflect.ownKeys(v)) {
                          try { if (/java|javet/i.test(String(v[k]?.constructor?.name ?? ''))) suspicious.push(String(name) + '.' + String(k)); } catch {}
                        }
                      }
                    }
                    return Response.json({
                      process: typeof process, require: typeof require, module: typeof module, Buffer: typeof Buffer,
                      global: typeof global, suspicious, kinds: [...kinds].sort(),
                      self: self === globalThis, ua: navigator.userAgent,
                    });
                  },
                };
                """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertEquals("{\"process\":\"undefined\",\"require\":\"undefined\",\"module\":\"undefined\","
                    + "\"Buffer\":\"undefined\",\"global\":\"undefined\",\"suspicious\":[],"
                    // the one string global is origin ('null', as in workerd)
                    + "\"kinds\":[\"function\",\"number\",\"object\",\"string\",\"undefined\"],"
                    + "\"self\":true,\"ua\":\"Cloudflare-Workers\"}", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void preludeModulesCannotBeImportedByUserCode() {
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("import { host } from 'outpost:internal/host.js';\nexport default { fetch() { return new Response(String(host)); } };"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertEquals("Uncaught Error: No such module \"outpost:internal/host.js\" imported from \"main.js\".", e.getMessage());
        WorkerLoadException relative = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("import { host } from './host.js';\nexport default { fetch() { return new Response(String(host)); } };"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(relative.getMessage().startsWith("Uncaught Error: No such module \"./host.js\""), relative.getMessage());
    }

    @Test
    void codeGenerationFromStringsIsBlocked() throws Exception {
        // RT-6: eval and new Function throw EvalError, and Wasm from bytes throws CompileError, as in workerd
        try (LoadedWorker worker = engine.load(single("""
                export default {
                  fetch() {
                    const out = [];
                    for (const f of [() => eval('1'), () => (0, eval)('1'), () => new Function('return 1')()]) {
                      try { out.push(f()); } catch (e) { out.push(e.constructor.name); }
                    }
                    try { out.push(typeof new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))); }
                    catch (e) { out.push(e.constructor.name); }
                    return Response.json(out);
                  },
                };
                """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertEquals("[\"EvalError\",\"EvalError\",\"EvalError\",\"CompileError\"]", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void bundleModulesCannotUseThePreludeNamespace() {
        WorkerBundle bundle = bundle("main.js",
                esm("main.js", "export default { fetch() { return new Response('x'); } };"),
                esm("outpost:internal/host.js", "export const host = 1;"));
        WorkerLoadException e = assertThrows(WorkerLoadException.class,
                () -> engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(e.getMessage().contains("Invalid module name"), e.getMessage());
    }
}
