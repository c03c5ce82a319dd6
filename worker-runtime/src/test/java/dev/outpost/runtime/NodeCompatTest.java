package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RT-6: the node:* built-in modules under nodejs_compat (module resolution and each module's behaviour). */
class NodeCompatTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static WorkerBundle versioned(String source, String date, String... flags) {
        return new WorkerBundle("node-worker", "v1", "main.js", Map.of("main.js", esm("main.js", source)), date,
                List.of(flags));
    }

    /** Runs a fetch handler body (it returns the value to answer as JSON) under nodejs_compat at 2024-09-23. */
    private static String run(String imports, String handlerBody) throws Exception {
        String source = imports + "\nexport default { async fetch() {\n" + handlerBody + "\n} };";
        try (LoadedWorker worker = engine.load(versioned(source, "2024-09-23", "nodejs_compat"), WorkerEnvironment.empty(),
                RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(200, response.status(), body(response));
            return body(response);
        }
    }

    private static String loadError(String source, String date, String... flags) {
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () ->
                engine.load(versioned(source, date, flags), WorkerEnvironment.empty(), RuntimeLimits.defaults()).close());
        return e.getMessage();
    }

    @Test
    void rt6BuiltinsResolveOnlyWithTheFlag() throws Exception {
        String importBuffer = "import { Buffer } from 'node:buffer';\nexport default { fetch() { return new Response(Buffer.from('hi').toString('hex')); } };";
        assertTrue(loadError(importBuffer, "2024-09-23").contains("No such module \"node:buffer\""));
        // nodejs_compat before 2024-09-23: node: prefix only, as workerd
        try (LoadedWorker worker = engine.load(versioned(importBuffer, "2024-09-01", "nodejs_compat"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertEquals("6869", body(call(worker, get("https://x/"))));
        }
        String bare = "import { Buffer } from 'buffer';\nexport default { fetch() { return new Response('x'); } };";
        assertTrue(loadError(bare, "2024-09-01", "nodejs_compat").contains("No such module \"buffer\""));
        assertTrue(loadError(bare.replace("'buffer'", "'node:fs'"), "2024-09-23", "nodejs_compat")
                .contains("No such module \"node:fs\""));
        // nodejs_compat_v2 without nodejs_compat also turns them on, bare names included
        try (LoadedWorker worker = engine.load(versioned(bare.replace("'x'", "typeof Buffer"), "2024-01-01",
                "nodejs_compat_v2"), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertEquals("function", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void rt6Buffer() throws Exception {
        assertEquals("[\"aGVsbG8gd29ybGQ=\",\"68656c6c6f20776f726c64\",\"aGk_\",\"hello world\",\"é\",5,true,true,"
                        + "\"0102\",\"cde\",258,\"00ff\",\"-2\",{\"type\":\"Buffer\",\"data\":[1,2]},true,3,\"hi\",\"\u00e9\"]",
                run("import { Buffer } from 'node:buffer';", """
                        const b = Buffer.from('hello world');
                        const w = Buffer.alloc(2); w.writeUInt16BE(0x00ff, 0);
                        const big = Buffer.alloc(8); big.writeBigInt64LE(-2n);
                        return Response.json([b.toString('base64'), b.toString('hex'), Buffer.from([0x68, 0x69, 0x3f]).toString('base64url'),
                          Buffer.from('aGVsbG8gd29ybGQ', 'base64').toString(), Buffer.from('c3a9', 'hex').toString(),
                          Buffer.byteLength('héll'), Buffer.isBuffer(b.subarray(1)), b instanceof Uint8Array,
                          Buffer.concat([Buffer.from([1]), new Uint8Array([2])]).toString('hex'), Buffer.from('abcdef').slice(2, 5).toString(),
                          Buffer.from([1, 2]).readUInt16BE(0), w.toString('hex'), String(big.readBigInt64LE(0)), Buffer.from([1, 2]).toJSON(),
                          Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('xxabc').indexOf('bc'),
                          Buffer.from('hi', 'utf16le').toString('ucs2'), Buffer.from([0xe9]).toString('latin1')]);"""));
    }

    @Test
    void rt6Events() throws Exception {
        assertEquals("[\"b1\",\"a1\",\"o1\",\"b2\",\"a2\",1,[7,8],\"boom\"]", run("import { EventEmitter, once } from 'node:events';", """
                const e = new EventEmitter(); const log = [];
                const a = (x) => log.push('a' + x);
                e.on('x', a); e.prependListener('x', (x) => log.push('b' + x)); e.once('x', (x) => log.push('o' + x));
                e.emit('x', 1); e.emit('x', 2); e.off('x', a); log.push(e.listenerCount('x'));
                const p = once(e, 'ready'); e.emit('ready', 7, 8); log.push(await p);
                try { e.emit('error', new Error('boom')); } catch (err) { log.push(err.message); }
                return Response.json(log);"""));
    }

    @Test
    void rt6AsyncLocalStorageFollowsAwaitsTimersAndMicrotasks() throws Exception {
        assertEquals("[\"s\",\"s\",\"s\",\"s\",\"i\",\"s\",null,null]", run("import { AsyncLocalStorage } from 'node:async_hooks';", """
                const als = new AsyncLocalStorage(); const log = [];
                await als.run('s', async () => {
                  log.push(als.getStore());
                  await new Promise((r) => setTimeout(r, 1));
                  log.push(als.getStore());
                  await new Promise((r) => setTimeout(() => { log.push(als.getStore()); r(); }, 1));
                  await new Promise((r) => queueMicrotask(() => { log.push(als.getStore()); r(); }));
                  log.push(als.run('i', () => als.getStore()));
                  log.push(als.getStore());
                  log.push(als.exit(() => als.getStore()) ?? null);
                });
                log.push(als.getStore() ?? null);
                return Response.json(log);"""));
    }

    @Test
    void rt6NestedAsyncRunsKeepBothStoresAfterAwaits() throws Exception {
        // hono's contextStorage() middleware runs the app's own AsyncLocalStorage.run(store, next) inside its run():
        // both stores must be there after the awaits, and each run's store must be gone once it has settled
        // (workerd answers the same)
        assertEquals("[[\"outer\",\"inner\"],[\"outer\",\"inner\"],[\"outer\",null],[null,null]]",
                run("import { AsyncLocalStorage } from 'node:async_hooks';", """
                const a = new AsyncLocalStorage(); const b = new AsyncLocalStorage(); const log = [];
                const both = () => [a.getStore() ?? null, b.getStore() ?? null];
                await a.run('outer', async () => {
                  await b.run('inner', async () => {
                    await new Promise((r) => setTimeout(r, 1));
                    log.push(both());
                    await Promise.resolve();
                    log.push(both());
                  });
                  await new Promise((r) => setTimeout(r, 1));
                  log.push(both());
                });
                log.push(both());
                return Response.json(log);"""));
    }

    @Test
    void rt6UtilFormatPercentOShowsHiddenProperties() throws Exception {
        // %o is inspect with showHidden (an array's [length], non-enumerable keys); %O is not. workerd's answers.
        assertEquals("[\"[ 1, 'a', [length]: 2 ]|[ 1, 'a' ]\",\"'str'\",\"{ a: 1, [hid]: 2 }\",\"{ a: 1 }\","
                        + "\"Map(1) { 1 => [ 2, [length]: 1 ] }\"]",
                run("import util from 'node:util';", """
                const o = { a: 1 };
                Object.defineProperty(o, 'hid', { value: 2, enumerable: false });
                return Response.json([util.format('%o|%O', [1, 'a'], [1, 'a']), util.format('%o', 'str'), util.format('%o', o),
                  util.format('%O', o), util.format('%o', new Map([[1, [2]]]))]);"""));
    }

    @Test
    void rt6AsyncLocalStorageKeepsConcurrentRequestsApart() throws Exception {
        String source = """
                import { AsyncLocalStorage } from 'node:async_hooks';
                const als = new AsyncLocalStorage();
                export default { async fetch(request) {
                  const id = new URL(request.url).searchParams.get('id');
                  return als.run(id, async () => {
                    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 2));
                    return new Response(als.getStore());
                  });
                } };""";
        try (LoadedWorker worker = engine.load(versioned(source, "2024-09-23", "nodejs_compat"), WorkerEnvironment.empty(),
                RuntimeLimits.defaults())) {
            List<CompletableFuture<WorkerResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(worker.fetch(get("https://x/?id=r" + i)).toCompletableFuture());
            }
            for (int i = 0; i < 8; i++) {
                assertEquals("r" + i, body(calls.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)));
            }
        }
    }

    @Test
    void rt6UtilPathStringDecoder() throws Exception {
        assertEquals("[5,\"a=1 {\\\"x\\\":2} %\",true,false,\"/a/c\",\"c.txt\",\".gz\",\"../d\",\"a€\",\"\"]", run("""
                import { promisify, format, isDeepStrictEqual } from 'node:util';
                import path from 'node:path';
                import { StringDecoder } from 'node:string_decoder';""", """
                const sum = await promisify((a, b, cb) => cb(null, a + b))(2, 3);
                const d = new StringDecoder('utf8');
                const euro = Buffer.from('a€');
                const text = d.write(euro.subarray(0, 2)) + d.write(euro.subarray(2));
                return Response.json([sum, format('%s=%d %j %%', 'a', 1, { x: 2 }), isDeepStrictEqual({ a: [1] }, { a: [1] }),
                  isDeepStrictEqual({ a: 1 }, { a: '1' }), path.join('/a/b', '../c'), path.basename('/x/c.txt'),
                  path.extname('a.tar.gz'), path.relative('/a/b/c', '/a/b/d').replace('..', '..'), text, d.end()]);"""));
    }

    @Test
    void rt6Assert() throws Exception {
        assertEquals("[\"pass\",\"ERR_ASSERTION\",\"ERR_ASSERTION\",\"pass\",\"ERR_ASSERTION\",\"pass\"]", run("import assert from 'node:assert';", """
                const o = (f) => { try { f(); return 'pass'; } catch (e) { return e.code; } };
                return Response.json([o(() => assert.strictEqual(1, 1)), o(() => assert.strictEqual(1, '1')),
                  o(() => assert.deepStrictEqual({ a: 1 }, { a: 2 })), o(() => assert.throws(() => { throw new TypeError(); }, TypeError)),
                  o(() => assert.throws(() => {})), await assert.rejects(Promise.reject(new Error('x')), /x/).then(() => 'pass')]);"""));
    }

    @Test
    void rt6CryptoHashAndHmac() throws Exception {
        // Known vectors: SHA-256("abc"), MD5(""), HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertEquals("[\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\"1B2M2Y8AsgTpgAmY7PhCfg==\","
                        + "\"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8\",true,false,16]",
                run("import { createHash, createHmac, timingSafeEqual, randomBytes } from 'node:crypto';", """
                        return Response.json([createHash('sha256').update('a').update(Buffer.from('bc')).digest('hex'),
                          createHash('md5').digest('base64'),
                          createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'),
                          timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')),
                          randomBytes(16).length]);"""));
    }

    @Test
    void rt6ProcessAndGlobals() throws Exception {
        assertEquals("[\"linux\",[],true,true,\"tick\"]", run("import process from 'node:process';", """
                const tick = await new Promise((r) => process.nextTick(r, 'tick'));
                return Response.json([process.platform, Object.keys(process.env), globalThis.process === process, global === globalThis, tick]);"""));
    }

    @Test
    void rt6ProcessEnvIsPopulatedFromVarsFrom20250401() throws Exception {
        String source = """
                import process from 'node:process';
                export default { fetch() { return Response.json(process.env); } };""";
        WorkerEnvironment vars = WorkerEnvironment.builder().text("GREETING", "hi").json("CONFIG", "{\"a\":1}").build();
        try (LoadedWorker worker = engine.load(versioned(source, "2025-05-01", "nodejs_compat"), vars, RuntimeLimits.defaults())) {
            assertEquals("{\"GREETING\":\"hi\",\"CONFIG\":\"{\\\"a\\\":1}\"}", body(call(worker, get("https://x/"))));
        }
        try (LoadedWorker worker = engine.load(versioned(source, "2024-09-23", "nodejs_compat"), vars, RuntimeLimits.defaults())) {
            assertEquals("{}", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void rt6StreamSubsetThatWranglersPolyfillsNeed() throws Exception {
        // wrangler's unenv console polyfill does `new Writable()` at load time; a Transform piped into a Writable
        assertEquals("[\"AB\",\"finish\"]", run("import { Writable, Transform } from 'node:stream';", """
                const log = [];
                new Writable();
                const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
                await new Promise((resolve) => {
                  const sink = new Writable({ write(c, e, cb) { log.push(c.toString()); cb(); } });
                  sink.on('finish', () => { log.push('finish'); resolve(); });
                  upper.pipe(sink);
                  upper.end('ab');
                });
                return Response.json(log);"""));
    }

    /** Expected values are workerd's answers (1.20261117.1) to the same code. */
    @Test
    void rt6QuerystringAndUrlModules() throws Exception {
        assertEquals("[{\"a\":[\"1\",\"3\"],\"b\":\"2\",\"c\":\" x y\",\"d\":\"\",\"%zz\":\"✓\"},\"a=1&a=2&b=x%20y&c=&d=true&e=&f=&g=5\",\"a%20b%26c%2F%C3%A9~*\",\"a b%zz\",{\"x\":\"1\",\"y\":\"2\"},{\"protocol\":\"http:\",\"slashes\":true,\"auth\":\"user:pa ss\",\"host\":\"example.com:81\",\"port\":\"81\",\"hostname\":\"example.com\",\"hash\":\"#hash\",\"search\":\"?query=string\",\"query\":\"query=string\",\"pathname\":\"/p/a/t/h\",\"path\":\"/p/a/t/h?query=string\",\"href\":\"http://user:pa%20ss@example.com:81/p/a/t/h?query=string#hash\"},{\"protocol\":null,\"slashes\":null,\"auth\":null,\"host\":null,\"port\":null,\"hostname\":null,\"hash\":null,\"search\":\"?q=1&q=2&r\",\"query\":{\"q\":[\"1\",\"2\"],\"r\":\"\"},\"pathname\":\"/search\",\"path\":\"/search?q=1&q=2&r\",\"href\":\"/search?q=1&q=2&r\"},{\"protocol\":\"mailto:\",\"slashes\":null,\"auth\":\"someone\",\"host\":\"example.com\",\"port\":null,\"hostname\":\"example.com\",\"hash\":null,\"search\":null,\"query\":null,\"pathname\":null,\"path\":null,\"href\":\"mailto:someone@example.com\"},\"host\",\"https://e.com:8/p%3Fx?a=1&a=2#h\",\"/one/two/four\",\"http://example.com/c\",\"one/three\",\"/tmp/some dir/a.txt\",\"file:///tmp/x%20y%23z%3F.txt\",\"xn--espaol-zwa.com\",\"español.com\",{\"protocol\":\"https:\",\"hostname\":\"::1\",\"hash\":\"#h\",\"search\":\"?q\",\"pathname\":\"/p\",\"path\":\"/p?q\",\"href\":\"https://a:b@[::1]:8443/p?q#h\",\"port\":8443,\"auth\":\"a:b\"}]", run("""
                import querystring from 'node:querystring';
                import url, { fileURLToPath, pathToFileURL } from 'node:url';""", """
                return Response.json([querystring.parse('a=1&b=2&a=3&c=%20x+y&d&%zz=%E2%9C%93'),
                  querystring.stringify({ a: [1, 2], b: 'x y', c: '', d: true, e: null, f: NaN, g: 5n }),
                  querystring.escape('a b&c/é~*'), querystring.unescape('a%20b%zz'), querystring.parse('x:1;y:2', ';', ':'),
                  url.parse('http://user:pa%20ss@Example.COM:81/p/a/t/h?query=string#hash'), url.parse('/search?q=1&q=2&r', true),
                  url.parse('mailto:someone@example.com'), url.parse('//host/path', false, true).host,
                  url.format({ protocol: 'https', hostname: 'e.com', port: 8, pathname: 'p?x', query: { a: [1, 2] }, hash: 'h' }),
                  url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/a/b', '../c'), url.resolve('one/two', 'three'),
                  fileURLToPath('file:///tmp/some%20dir/a.txt'), pathToFileURL('/tmp/x y#z?.txt').href, url.domainToASCII('español.com'),
                  url.domainToUnicode('xn--espaol-zwa.com'), url.urlToHttpOptions(new URL('https://a:b@[::1]:8443/p?q#h'))]);"""));
    }

    /** Expected values are workerd's answers (1.20261117.1) to the same code. */
    @Test
    void rt6TimersStreamHelpersAndDiagnosticsChannel() throws Exception {
        assertEquals("[\"slept\",\"imm\",\"object\",\"function\",true,\"number\",\"AbortError\",\"ABORT_ERR\",\"ab\",{\"x\":1},\"0102\",[\"x\",\"y\"],true,null,false,null,true,null,null,[[{\"a\":1},\"probe\"]],42,\"p\",[\"start\",\"end\",\"start\",\"end\",\"asyncStart\",\"asyncEnd\"],\"a:1\"]", run("""
                import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
                import timers from 'node:timers';
                import { text, json, buffer } from 'node:stream/consumers';
                import { pipeline } from 'node:stream/promises';
                import { ReadableStream as RS } from 'node:stream/web';
                import { Readable, Writable } from 'node:stream';
                import dc from 'node:diagnostics_channel';
                import sys from 'sys';""", """
                const out = [await sleep(1, 'slept'), await immediate('imm')];
                const timer = timers.setTimeout(() => {}, 1000);
                out.push(typeof timer, typeof timer.ref, timer.hasRef(), typeof +timer);
                timers.clearTimeout(timer);
                const ac = new AbortController(); ac.abort();
                try { await sleep(10, 'x', { signal: ac.signal }); } catch (e) { out.push(e.name, e.code); }
                out.push(await text(Readable.from(['a', 'b'])), await json(new Response('{"x":1}').body),
                  (await buffer(new RS({ start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } }))).toString('hex'));
                const chunks = [];
                await pipeline(Readable.from(['x', 'y']), new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } }));
                out.push(chunks, RS === ReadableStream);
                // workerd's Channel: hasSubscribers is a method, there is no name, unsubscribe answers undefined
                const ch = dc.channel('probe');
                const got = [];
                const fn = (m, n) => got.push([m, n]);
                out.push(ch.hasSubscribers, dc.hasSubscribers('probe'));
                dc.subscribe('probe', fn);
                ch.publish({ a: 1 });
                out.push(ch.hasSubscribers, dc.channel('probe') === ch, dc.unsubscribe('probe', fn), dc.unsubscribe('probe', fn), got);
                const tc = dc.tracingChannel('op');
                const ev = [];
                tc.subscribe({ start: () => ev.push('start'), end: () => ev.push('end'), asyncStart: () => ev.push('asyncStart'),
                  asyncEnd: () => ev.push('asyncEnd'), error: () => ev.push('error') });
                out.push(tc.traceSync((x) => x * 2, {}, null, 21), await tc.tracePromise(async () => 'p', {}));
                out.push(ev, sys.format('%s:%d', 'a', 1));
                return Response.json(out);"""));
    }

    @Test
    void rt6Zlib() throws Exception {
        assertEquals("[\"1f8b0800000000000003cb48cdc9c9070086a6103605000000\",\"hello\",\"hello\",\"incorrect header check\","
                        + "\"unexpected end of file\",907060870,\"ERR_METHOD_NOT_IMPLEMENTED\",\"streamed streamed \","
                        + "[\"Z_DATA_ERROR\",-3]]",
                run("import zlib, { gzipSync, inflateSync, deflateSync } from 'node:zlib';", """
                        const out = [gzipSync('hello').toString('hex'), zlib.gunzipSync(gzipSync('hello')).toString(),
                          inflateSync(deflateSync(Buffer.from('hello'))).toString()];
                        for (const f of [() => zlib.gunzipSync(Buffer.from('nope')), () => inflateSync(deflateSync('x').subarray(0, 4)),]) {
                          try { f(); } catch (e) { out.push(e.message); }
                        }
                        out.push(zlib.crc32('hello'));
                        try { zlib.brotliCompressSync('x'); } catch (e) { out.push(e.code); }
                        out.push(await new Promise((resolve) => {
                          const gz = zlib.createGzip(), gunzip = zlib.createGunzip(), chunks = [];
                          gz.pipe(gunzip);
                          gunzip.on('data', (c) => chunks.push(c));
                          gunzip.on('end', () => resolve(Buffer.concat(chunks).toString()));
                          gz.write('streamed '); gz.end('streamed ');
                        }));
                        out.push(await new Promise((resolve) => {
                          const bad = zlib.createInflate();
                          bad.on('error', (e) => resolve([e.code, e.errno]));
                          bad.end(Buffer.from('garbage'));
                        }));
                        return Response.json(out);"""));
    }

    @Test
    void rt6NetTlsDnsModule() throws Exception {
        assertEquals("[4,6,0,\"Not implemented\",\"TLSv1.3\",[null,\"1.2.3.4\",4],\"ERR_INVALID_ARG_TYPE\",\"6869\","
                        + "\"No such module \\\"node:fs\\\".\",true]",
                run("""
                        import net from 'node:net';
                        import tls from 'node:tls';
                        import dns from 'node:dns';
                        import { createRequire, isBuiltin } from 'node:module';""", """
                        const out = [net.isIP('10.0.0.1'), net.isIP('::1'), net.isIP('x')];
                        try { tls.createServer(); } catch (e) { out.push(e.message); }
                        out.push(tls.DEFAULT_MAX_VERSION);
                        out.push(await new Promise((r) => dns.lookup('1.2.3.4', (e, a, f) => r([e, a, f]))));
                        try { dns.lookup(1, () => {}); } catch (e) { out.push(e.code); }
                        const require = createRequire('/w.js');
                        out.push(require('node:buffer').Buffer.from('hi').toString('hex'));
                        try { require('fs'); } catch (e) { out.push(e.message); }
                        out.push(isBuiltin('node:zlib'));
                        return Response.json(out);"""));
    }
}
