package dev.outpost.gateway.ingress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 chunked bodies over a raw socket, full duplex: one thread uploads while the caller reads the answer. */
final class ChunkedWire {
    record Response(int status, String head, byte[] body) {
    }

    private ChunkedWire() {
    }

    /** Starts a thread that sends {@code requestHead} (without the blank line) and {@code body} chunked. */
    static Thread upload(Socket socket, String requestHead, InputStream body) {
        Thread t = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write((requestHead + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(buffer, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close early (e.g. 413); the reader sees what it sent.
            }
        }, "chunked-upload");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads one response: status line and headers, then a chunked or Content-Length body. */
    static Response read(InputStream in) throws IOException {
        String head = line(in);
        StringBuilder headers = new StringBuilder(head).append("\r\n");
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            headers.append(h).append("\r\n");
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new Response(Integer.parseInt(head.split(" ")[1]), headers.toString(), body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new IOException("connection closed");
    }
}
