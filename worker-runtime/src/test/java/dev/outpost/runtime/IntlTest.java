package dev.outpost.runtime;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RT-6: {@code Intl} and the locale-aware built-ins run on the ICU (i18n) V8 build with the full ICU 74 data: the
 * worker {@code intl/intl-worker.js} formats fixed dates in explicit time zones, numbers, collation, plural rules,
 * relative time, segmentation, normalization and case mapping in several locales. The expected strings are what
 * Node.js 22.0.0 (ICU 74.2, full ICU data, an independent V8 embedder) prints for the same script.
 */
class IntlTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static JsonObject run(String source) throws Exception {
        try (LoadedWorker worker = engine.load(single(source), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(200, response.status(), body(response));
            return new JsonObject(body(response));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IntlTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rt6IntlFormatsLikeIcu74() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("dtfNY", "January 15, 2024 at 12:04 PM EST");
        expected.put("dtfUTC", "Monday 15 January 2024 at 17:04:05 UTC");
        expected.put("dtfDe", "15.01.2024");
        expected.put("dtfJa", "2024\u5E741\u670816\u65E5\u706B\u66DC\u65E5");
        expected.put("dtfParts", "hour:12|literal::|minute:04");
        expected.put("dtfResolved", "America/New_York");
        expected.put("summer", "8 AM EDT");
        expected.put("nfCurUS", "$1,234,567.89");
        expected.put("nfCurDe", "1.234.567,89\u00A0\u20AC");
        expected.put("nfCurJa", "\uFFE51,234,568");
        expected.put("nfPct", "45.7%");
        expected.put("nfCompact", "1.2M");
        expected.put("nfCompactLong", "2.5 thousand");
        expected.put("nfUnit", "88 km/h");
        expected.put("nfIn", "1,23,45,678.9");
        expected.put("toLocDe", "1.234.567,891");
        expected.put("toLocFr", "1\u202F234,5");
        expected.put("dateLocDe", "15.1.2024, 17:04:05");
        expected.put("dateLocUS", "1/15/2024");
        expected.put("collDe", "a,\u00E4,Apfel,\u00C4pfel,z,Z");
        expected.put("collSv", "a,o,z,\u00E4,\u00F6");
        expected.put("collNum", "item1,item2,item10");
        expected.put("collBase", 0);
        expected.put("plEn", "other,one,other,other");
        expected.put("plOrd", "one,two,few,other,other,two");
        expected.put("plRu", "one,few,many,one");
        expected.put("plAr", "zero,one,two,few,many,other");
        expected.put("rtf", "yesterday|in 3 hours|ma\u00F1ana");
        expected.put("segWords", "Hello|world|42");
        expected.put("segGraph", 3);
        expected.put("segTh", "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35|\u0E04\u0E23\u0E31\u0E1A");
        expected.put("segSentence", 3);
        expected.put("nfd", "2,1,fi");
        expected.put("lc", "\u00C4pfel,resume,Resume,r\u00E9sum\u00E9,zebra");
        expected.put("lcDe", "-1,1");
        expected.put("upper", "\u0130STANBUL,strasse");
        expected.put("list", "a, b, and c|x, y oder z");
        expected.put("dn", "Germany|Franz\u00F6sisch|Japanese Yen");
        expected.put("locale", "en-Latn-US-u-ca-gregory|zh-Hans-CN");
        expected.put("supported", "de-DE,fr-FR");
        expected.put("dtfRange", "Jan 15\u2009\u2013\u200920");
        JsonObject actual = run(resource("/intl/intl-worker.js"));
        assertEquals(expected.keySet(), actual.fieldNames().stream().collect(java.util.stream.Collectors.toSet()));
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.getValue(e.getKey()), e.getKey());
        }
    }

    @Test
    void rt6IntlIsCompleteAndCoversBigIntAndArrays() throws Exception {
        // Every Intl constructor of ES2024 is there, locale tags canonicalize, and BigInt/Array toLocaleString go
        // through ICU too. (The default locale follows the host's LANG, so explicit locales only: see README.)
        JsonObject actual = run("""
                export default { fetch() { return Response.json({
                  locale: new Intl.NumberFormat('en-US').resolvedOptions().locale,
                  canonical: Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw']),
                  constructors: ['Collator', 'DateTimeFormat', 'DisplayNames', 'ListFormat', 'Locale', 'NumberFormat',
                    'PluralRules', 'RelativeTimeFormat', 'Segmenter'].filter((n) => typeof Intl[n] !== 'function'),
                  supportedValues: Intl.supportedValuesOf('currency').includes('EUR'),
                  bigint: 12345678901234567890n.toLocaleString('de-DE'),
                  array: [1234.5, new Date(Date.UTC(2024, 1, 29))].toLocaleString('en-US', { timeZone: 'UTC' }),
                }); } };
                """);
        assertEquals("en-US", actual.getString("locale"));
        assertEquals("[\"en-US\",\"zh-Hant-TW\"]", actual.getJsonArray("canonical").encode());
        assertEquals("[]", actual.getJsonArray("constructors").encode());
        assertEquals(true, actual.getBoolean("supportedValues"));
        assertEquals("12.345.678.901.234.567.890", actual.getString("bigint"));
        assertEquals("1,234.5,2/29/2024, 12:00:00 AM", actual.getString("array"));
    }
}
