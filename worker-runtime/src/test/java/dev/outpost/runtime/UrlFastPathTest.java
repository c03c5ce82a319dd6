package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RT-6 (URL): url.js reads plain request URLs with one regular expression instead of the WHATWG state machine.
 * Every input here is parsed both ways — without a base (the fast path where it applies) and with a base (always
 * the state machine; an absolute URL ignores its base) — and each component must be the same.
 */
class UrlFastPathTest {
    @Test
    void simpleUrlsParseAsTheStateMachineParsesThem() throws Exception {
        String script = """
                const inputs = [
                  'http://bench.localhost/get?id=42', 'https://example.com', 'https://example.com/', 'http://a.b?x=1',
                  'http://a.b/?', 'http://a.b/a//b/', 'http://a-b.c-d.e:8080/p', 'http://h:80/x', 'https://h:443/x',
                  'https://h:80/x', 'http://h:00080/x', 'http://h:65535/', 'http://h:65536/', 'http://h:/x',
                  'http://127.0.0.1:8787/x', 'http://127.1/x', 'http://0x7f.1/', 'http://a.123/', 'http://xn--nxasmq6b.com/',
                  'http://h/a/./b', 'http://h/a/../b', 'http://h/a/%2e/b', 'http://h/a/%2E%2e/b', 'http://h/.', 'http://h/..',
                  'http://h/.a/b.', 'http://h/%41%zz?%zz=%41', "http://h/a'b?c'd", 'http://h/~!$&()*+,;=:@/x?~!$&()*+,;=:@/?x',
                  'HTTP://h/', 'http://H/', 'http://h/a b', 'http://h/a\\\\b', 'http://h/#f', 'http://u@h/', 'ws://h/',
                  'http://h/é', 'http://h/?q=é', ' http://h/', 'http://h/\\tx', 'http://a..b/', 'http://a.b./', 'http://h/a^b',
                ];
                const parts = (u) => [u.href, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin,
                  [...u.searchParams].join('&')].join(' | ');
                const parse = (s, base) => { try { return parts(base === undefined ? new URL(s) : new URL(s, base)); } catch (e) { return 'throws ' + e.name; } };
                export default {
                  fetch() {
                    const out = [];
                    for (const s of inputs) {
                      const fast = parse(s);
                      const full = parse(s, 'http://base.invalid/dir/');
                      if (fast !== full) out.push(s + ': ' + fast + ' != ' + full);
                    }
                    return new Response(out.length + ' mismatches' + (out.length ? ': ' + out.join('; ') : '') + ' ' + parse(inputs[0]));
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(single(script), WorkerEnvironment.builder().build(), RuntimeLimits.defaults())) {
            assertEquals("0 mismatches http://bench.localhost/get?id=42 | http: | bench.localhost | bench.localhost |  | /get | ?id=42 |  "
                    + "| http://bench.localhost | id,42", body(call(worker, get("https://x/"))));
        }
    }
}
