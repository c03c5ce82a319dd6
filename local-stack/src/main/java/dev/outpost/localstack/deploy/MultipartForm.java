package dev.outpost.localstack.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A multipart/form-data body built in memory (worker uploads are small: Cloudflare caps them at a few MB). */
public final class MultipartForm {
    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean finished;

    public MultipartForm() {
        this("outpost-" + HexFormat.of().formatHex(randomBytes()));
    }

    public MultipartForm(String boundary) {
        this.boundary = boundary;
    }

    public String boundary() {
        return boundary;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Adds a part; {@code filename} may be null (plain field). */
    public MultipartForm part(String name, String filename, String contentType, byte[] content) {
        if (finished) {
            throw new IllegalStateException("form already finished");
        }
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(quote(filename)).append('"');
        }
        head.append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public byte[] toByteArray() {
        if (!finished) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            finished = true;
        }
        return body.toByteArray();
    }

    /** As browsers do (WHATWG multipart encoding): quote, CR and LF are percent-escaped. */
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
