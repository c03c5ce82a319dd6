package dev.outpost.runtime;

import dev.outpost.runtime.compat.CompatibilityFlags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RT-12: the flag registry (validation, resolution) and the flags that switch runtime behaviour, each on and off. */
class CompatibilityFlagsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
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
        return new WorkerBundle("compat-worker", "v1", "main.js", Map.of("main.js", esm("main.js", source)), date,
                List.of(flags));
    }

    private static String run(String source, String date, String... flags) throws Exception {
        try (LoadedWorker worker = engine.load(versioned(source, date, flags), WorkerEnvironment.empty(),
                RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(200, response.status(), body(response));
            return body(response);
        }
    }

    @Test
    void rt12ValidUploadsPass() {
        assertEquals(List.of(), CompatibilityFlags.validate("2024-09-23", List.of("nodejs_compat"), TODAY));
        assertEquals(List.of(), CompatibilityFlags.validate("2021-01-01", List.of("formdata_parser_supports_files",
                "no_global_navigator"), TODAY));
        assertEquals(List.of(), CompatibilityFlags.validate("2026-11-29", List.of(), TODAY));
    }

    @Test
    void rt12BadDatesAndFlagsGetWorkerdWording() {
        assertEquals(List.of("No such compatibility flag: foo"), CompatibilityFlags.validate("2024-01-01",
                List.of("foo"), TODAY));
        assertEquals(List.of("Invalid compatibility date: 2024-13-01"), CompatibilityFlags.validate("2024-13-01",
                List.of(), TODAY));
        assertEquals(List.of("Invalid compatibility date: yesterday"), CompatibilityFlags.validate("yesterday",
                List.of(), TODAY));
        assertEquals(List.of("Can't set compatibility date in the future: 2026-11-30"),
                CompatibilityFlags.validate("2026-11-30", List.of(), TODAY));
        assertEquals(List.of("Compatibility flag specified multiple times: rpc"),
                CompatibilityFlags.validate("2024-01-01", List.of("rpc", "rpc"), TODAY));
        assertEquals(List.of("Compatibility flags are mutually contradictory: "
                        + "formdata_parser_supports_files vs formdata_parser_converts_files_to_strings"),
                CompatibilityFlags.validate("2021-05-17", List.of("formdata_parser_supports_files",
                        "formdata_parser_converts_files_to_strings"), TODAY));
        assertEquals(List.of("The compatibility flag rpc became the default as of 2024-04-03 so does not need to be "
                + "specified anymore."), CompatibilityFlags.validate("2024-09-23", List.of("rpc"), TODAY));
        assertEquals(List.of("The compatibility flag experimental is experimental and cannot be used on this platform."),
                CompatibilityFlags.validate("2024-09-23", List.of("experimental"), TODAY));
    }

    @Test
    void rt12ResolutionFollowsDateThenFlagsThenImplications() {
        Map<String, Boolean> old = CompatibilityFlags.resolve("2021-01-01", List.of());
        assertFalse(old.get("formdata_parser_supports_files"));
        assertFalse(old.get("global_navigator"));
        assertTrue(old.get("r2_public_beta_bindings"), "enabled for all dates");
        Map<String, Boolean> current = CompatibilityFlags.resolve("2024-09-23", List.of("no_global_navigator"));
        assertTrue(current.get("formdata_parser_supports_files"));
        assertTrue(current.get("rpc"));
        assertTrue(current.get("queues_json_messages"));
        assertFalse(current.get("global_navigator"), "the disable flag wins over the date");
        assertFalse(current.get("nodejs_compat"));
        // nodejs_compat implies nodejs_compat_v2 from 2024-09-23 (as in workerd)
        assertTrue(CompatibilityFlags.resolve("2024-09-23", List.of("nodejs_compat")).get("nodejs_compat_v2"));
        assertFalse(CompatibilityFlags.resolve("2024-09-22", List.of("nodejs_compat")).get("nodejs_compat_v2"));
        assertEquals(CompatibilityFlags.known().size(), current.size());
    }

    private static final String FLAGS = """
            export default { fetch() {
              const d = Object.getOwnPropertyDescriptor(globalThis, 'Cloudflare');
              const f = Cloudflare.compatibilityFlags;
              return Response.json({ frozen: Object.isFrozen(f), keys: Object.getOwnPropertyNames(Cloudflare),
                enumerable: d.enumerable, writable: d.writable, rpc: f.rpc, nav: f.global_navigator,
                node: f.nodejs_compat, noNav: 'no_global_navigator' in f, first: Object.keys(f)[0] });
            } };""";

    @Test
    void rt12CloudflareCompatibilityFlagsHasWorkerdsShape() throws Exception {
        assertEquals("{\"frozen\":true,\"keys\":[\"compatibilityFlags\"],\"enumerable\":true,\"writable\":true,"
                + "\"rpc\":true,\"nav\":true,\"node\":true,\"noNav\":false,\"first\":\"formdata_parser_supports_files\"}",
                run(FLAGS, "2024-09-23", "nodejs_compat"));
        assertEquals("{\"frozen\":true,\"keys\":[\"compatibilityFlags\"],\"enumerable\":true,\"writable\":true,"
                + "\"rpc\":false,\"nav\":false,\"node\":false,\"noNav\":false,\"first\":\"formdata_parser_supports_files\"}",
                run(FLAGS, "2021-01-01"));
    }

    private static final String NAVIGATOR = """
            export default { fetch() {
              return Response.json({ type: typeof navigator, ua: globalThis.navigator?.userAgent ?? null });
            } };""";

    @Test
    void rt12GlobalNavigatorOnAndOff() throws Exception {
        assertEquals("{\"type\":\"object\",\"ua\":\"Cloudflare-Workers\"}", run(NAVIGATOR, "2022-03-21"));
        assertEquals("{\"type\":\"undefined\",\"ua\":null}", run(NAVIGATOR, "2022-03-20"));
        assertEquals("{\"type\":\"object\",\"ua\":\"Cloudflare-Workers\"}", run(NAVIGATOR, "2022-01-01",
                "global_navigator"));
        assertEquals("{\"type\":\"undefined\",\"ua\":null}", run(NAVIGATOR, "2024-09-23", "no_global_navigator"));
    }

    private static final String FORM = """
            export default { async fetch() {
              const fd = new FormData();
              fd.append('f', new File(['abc'], 'a.txt', { type: 'text/plain' }));
              fd.append('s', 'plain');
              const parsed = await new Request('http://x/', { method: 'POST', body: fd }).formData();
              const f = parsed.get('f');
              return Response.json({ type: typeof f, isFile: f instanceof File,
                value: typeof f === 'string' ? f : await f.text(), s: parsed.get('s') });
            } };""";

    @Test
    void rt12FormDataParserSupportsFilesOnAndOff() throws Exception {
        String files = "{\"type\":\"object\",\"isFile\":true,\"value\":\"abc\",\"s\":\"plain\"}";
        String strings = "{\"type\":\"string\",\"isFile\":false,\"value\":\"abc\",\"s\":\"plain\"}";
        assertEquals(files, run(FORM, "2021-11-03"));
        assertEquals(strings, run(FORM, "2021-11-02"));
        assertEquals(files, run(FORM, "2021-01-01", "formdata_parser_supports_files"));
        assertEquals(strings, run(FORM, "2024-09-23", "formdata_parser_converts_files_to_strings"));
    }

    @Test
    void rt12NodejsCompatTurnsOnNodeBuiltins() throws Exception {
        // RT-6: nodejs_compat_v2 (implied from 2024-09-23) sets the Node globals; without the flag there are none
        assertEquals("true function object", run("""
                export default { fetch() {
                  return new Response([Cloudflare.compatibilityFlags.nodejs_compat, typeof Buffer, typeof process].join(' '));
                } };""", "2024-09-23", "nodejs_compat"));
        assertEquals("false undefined undefined", run("""
                export default { fetch() {
                  return new Response([Cloudflare.compatibilityFlags.nodejs_compat, typeof Buffer, typeof process].join(' '));
                } };""", "2024-09-23"));
        WorkerLoadException e = org.junit.jupiter.api.Assertions.assertThrows(WorkerLoadException.class, () ->
                engine.load(versioned("import { Buffer } from 'node:buffer';\nexport default { fetch() { return new Response('x'); } };",
                        "2024-09-23"), WorkerEnvironment.empty(), RuntimeLimits.defaults()).close());
        assertTrue(e.getMessage().contains("No such module \"node:buffer\""), e.getMessage());
    }

    @Test
    void rt12AllOfWorkerdsFlagsAreKnownWithTheirDatesAndImplications() {
        assertEquals(205, CompatibilityFlags.known().size());
        // names only newer workerd releases brought are accepted (a worker written for Cloudflare may carry them)
        assertEquals(List.of(), CompatibilityFlags.validate("2025-01-01", List.of("enable_nodejs_fs_module",
                "text_decoder_cjk_decoder", "disable_ctx_exports", "legacy_module_registry"), TODAY));
        assertEquals(List.of("The compatibility flag precise_timers is experimental and cannot be used on this platform."),
                CompatibilityFlags.validate("2025-01-01", List.of("precise_timers"), TODAY));
        // nodejs_compat is on by date from 2026-08-04: naming it then is refused, as by workerd
        assertEquals(List.of("The compatibility flag nodejs_compat became the default as of 2026-08-04 so does not need "
                + "to be specified anymore."), CompatibilityFlags.validate("2026-08-04", List.of("nodejs_compat"), TODAY));
        assertEquals(false, CompatibilityFlags.enabled("nodejs_compat", "2026-08-03", List.of()));
        assertEquals(true, CompatibilityFlags.enabled("nodejs_compat_v2", "2026-08-04", List.of()));
        // implied by nodejs_compat from 2026-03-17, not before; a chain (eol_v23 <- eol_v24 <- eol) resolves whole
        assertEquals(false, CompatibilityFlags.enabled("enable_global_performance_classes", "2026-03-16", List.of("nodejs_compat")));
        assertEquals(true, CompatibilityFlags.enabled("enable_global_performance_classes", "2026-03-17", List.of("nodejs_compat")));
        assertEquals(true, CompatibilityFlags.enabled("remove_nodejs_compat_eol_v23", "2028-04-30", List.of("nodejs_compat")));
        assertEquals(false, CompatibilityFlags.enabled("enable_nodejs_http_modules", "2026-11-17", List.of("no_nodejs_compat")));
    }
}
