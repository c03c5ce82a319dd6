package dev.outpost.runtime;

import static dev.outpost.runtime.TestWorkers.body;
import static dev.outpost.runtime.TestWorkers.call;
import static dev.outpost.runtime.TestWorkers.get;
import static dev.outpost.runtime.TestWorkers.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RT-6 workerd's encodeBody: a response whose Content-Encoding is exactly "gzip" leaves compressed, byte for byte
 * as workerd sends it (zlib's gzip header, OS 3); 'manual' and other encodings leave the body as given.
 * The expected bytes are what workerd 1.20261117.1 sent for the same scripts.
 */
class ContentEncodingTest {
    private static final String HELLO_GZIP = "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000";
    private static WorkerEngine engine;
    private static LoadedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        engine = WorkerEngine.create();
        worker = engine.load(single("""
                export default {
                  async fetch(request) {
                    const q = new URL(request.url).searchParams;
                    if (q.has('stream')) {
                      const gz = new Blob(['hello world']).stream().pipeThrough(new CompressionStream('gzip'));
                      return new Response(gz);
                    }
                    if (q.has('bogus')) {
                      try { new Response('x', { encodeBody: 'bogus' }); } catch (e) { return new Response(e.name + ': ' + e.message); }
                    }
                    return new Response('hello world', { headers: { 'content-encoding': q.get('e') },
                      encodeBody: q.get('manual') ? 'manual' : undefined });
                  },
                };"""), null, null);
    }

    @AfterAll
    static void stop() {
        worker.close();
        engine.close();
    }

    @Test
    void rt6GzipContentEncodingCompressesTheBodyAsWorkerdDoes() {
        WorkerResponse response = call(worker, get("https://x/?e=gzip"));
        assertEquals(HELLO_GZIP, HexFormat.of().formatHex(response.body()));
        assertEquals(List.of(), values(response, "content-length"), "the compressed length is not known up front");
        assertEquals(List.of("gzip"), values(response, "content-encoding"));
    }

    @Test
    void rt6ManualEncodeBodyAndOtherEncodingsSendTheBodyAsGiven() {
        assertEquals("hello world", body(call(worker, get("https://x/?e=gzip&manual=1"))));
        assertEquals("hello world", body(call(worker, get("https://x/?e=br"))));
        assertEquals("hello world", body(call(worker, get("https://x/?e=GZIP"))));
        assertEquals("TypeError: encodeBody: unexpected value: bogus", body(call(worker, get("https://x/?bogus=1"))));
    }

    @Test
    void rt6CompressionStreamGzipBytesMatchWorkerd() {
        assertEquals(HELLO_GZIP, HexFormat.of().formatHex(call(worker, get("https://x/?stream=1")).body()));
    }

    private static List<String> values(WorkerResponse response, String name) {
        return response.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }
}
