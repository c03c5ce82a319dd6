package dev.outpost.localstack.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: a strict little multipart/form-data parser (ISO-8859-1 keeps bytes 1:1). */
final class Multipart {
    record Part(Map<String, String> headers, String name, String filename, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher bm = Pattern.compile("boundary=([^;]+)").matcher(contentType);
        if (!contentType.startsWith("multipart/form-data") || !bm.find()) {
            throw new AssertionError("not multipart/form-data: " + contentType);
        }
        String boundary = "--" + bm.group(1);
        String all = new String(body, StandardCharsets.ISO_8859_1);
        if (!all.startsWith(boundary + "\r\n") || !all.endsWith(boundary + "--\r\n")) {
            throw new AssertionError("bad framing");
        }
        List<Part> parts = new ArrayList<>();
        String[] chunks = all.substring(0, all.length() - (boundary + "--\r\n").length()).split(Pattern.quote(boundary + "\r\n"));
        for (String chunk : chunks) {
            if (chunk.isEmpty()) {
                continue;
            }
            int headEnd = chunk.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : chunk.substring(0, headEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).trim());
            }
            if (!chunk.endsWith("\r\n")) {
                throw new AssertionError("part not terminated by CRLF");
            }
            String content = chunk.substring(headEnd + 4, chunk.length() - 2);
            String cd = headers.get("content-disposition");
            Matcher name = Pattern.compile("; name=\"([^\"]*)\"").matcher(cd);
            Matcher file = Pattern.compile("; filename=\"([^\"]*)\"").matcher(cd);
            parts.add(new Part(headers, name.find() ? name.group(1) : null, file.find() ? file.group(1) : null,
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    private Multipart() {
    }
}
