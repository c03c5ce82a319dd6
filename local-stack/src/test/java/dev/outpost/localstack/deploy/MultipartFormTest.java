package dev.outpost.localstack.deploy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartFormTest {
    @Test
    void bodyIsExactlyFramedMultipart() {
        MultipartForm f = new MultipartForm("B");
        f.part("metadata", null, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        f.part("src/index.js", "src/index.js", "application/javascript+module", "x".getBytes(StandardCharsets.UTF_8));
        String expected = "--B\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n{}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"src/index.js\"; filename=\"src/index.js\"\r\n"
                + "Content-Type: application/javascript+module\r\n\r\nx\r\n--B--\r\n";
        assertEquals(expected, new String(f.toByteArray(), StandardCharsets.UTF_8));
        assertEquals("multipart/form-data; boundary=B", f.contentType());
        assertThrows(IllegalStateException.class, () -> f.part("late", null, "text/plain", new byte[0]));
    }

    @Test
    void binaryContentAndQuotesSurviveARoundTrip() {
        byte[] wasm = {0, 'a', 's', 'm', (byte) 0xff, '\r', '\n', '-', '-'};
        MultipartForm f = new MultipartForm();
        f.part("we\"ird.wasm", "we\"ird.wasm", "application/wasm", wasm);
        f.part("metadata", null, "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        List<Multipart.Part> parts = Multipart.parse(f.contentType(), f.toByteArray());
        assertEquals(2, parts.size());
        assertEquals("we%22ird.wasm", parts.get(0).name());
        assertArrayEquals(wasm, parts.get(0).content());
        assertEquals("application/wasm", parts.get(0).headers().get("content-type"));
        assertNull(parts.get(1).filename());
        assertEquals("{\"a\":1}", parts.get(1).text());
    }
}
