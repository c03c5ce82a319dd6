package dev.outpost.it.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * RT-6: the WebSocket origin the corpus's outbound WebSockets reach (same server for workerd and Outpost), on
 * loopback port {@link #PORT}. A small RFC 6455 server over plain sockets, so that the 101's headers and every
 * frame are under the test's control and no runtime-specific client behaviour can change an answer.
 * <ul>
 * <li>{@code /echo}: 101 with {@code X-Origin: websocket} and the first offered sub-protocol among {@code chat},
 * {@code superchat}; text and binary messages come back unchanged; the text {@code headers} is answered with the
 * request's {@code x-*} and {@code sec-websocket-protocol} headers as JSON; the text {@code close <code> <reason>}
 * makes the server close with that code and reason; the client's close is answered with the same code and reason.</li>
 * <li>{@code /hello}: as {@code /echo}, and the server sends {@code hello} right after the handshake.</li>
 * <li>anything else, or a request without {@code Upgrade: websocket}: 403 with a text body.</li>
 * </ul>
 */
public final class WebSocketOrigin extends LoopbackOrigin {
    public static final int PORT = 31501;
    public static final String BASE_URL = "ws://127.0.0.1:" + PORT;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final List<String> PROTOCOLS = List.of("chat", "superchat");

    private WebSocketOrigin(int port) throws IOException {
        super(port);
    }

    /** The conformance origin on {@link #PORT}. */
    public static WebSocketOrigin start() throws IOException {
        return start(PORT);
    }

    /** An origin on {@code port} (0: any free port, see {@link #port()}). */
    public static WebSocketOrigin start(int port) throws IOException {
        WebSocketOrigin origin = new WebSocketOrigin(port);
        origin.accept();
        return origin;
    }

    @Override
    void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String requestLine = line(in);
            Map<String, String> headers = new TreeMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                            (a, b) -> a + ", " + b);
                }
            }
            String path = requestLine.split(" ")[1];
            String key = headers.get("sec-websocket-key");
            boolean upgrade = "websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""));
            if (!upgrade || key == null || !(path.equals("/echo") || path.equals("/hello"))) {
                byte[] body = ("no websocket at " + path).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nX-Origin: websocket\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\nX-Origin: websocket\r\n");
            String chosen = null;
            for (String offered : headers.getOrDefault("sec-websocket-protocol", "").split(",")) {
                if (chosen == null && PROTOCOLS.contains(offered.trim())) {
                    chosen = offered.trim();
                }
            }
            if (chosen != null) {
                response.append("Sec-WebSocket-Protocol: ").append(chosen).append("\r\n");
            }
            out.write(response.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (path.equals("/hello")) {
                frame(out, 1, "hello".getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            echo(new DataInputStream(in), out, headers);
        } catch (Exception ignored) {
            // the client went away; nothing to answer
        }
    }

    /** Echoes messages until the close handshake; fragmented messages are reassembled. */
    private static void echo(DataInputStream in, OutputStream out, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = 0;
        boolean closeSent = false;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case 8 -> {
                    if (!closeSent) {
                        frame(out, 8, payload);
                    }
                    return;
                }
                case 9 -> frame(out, 10, payload);
                case 10 -> {
                }
                default -> {
                    if (opcode != 0) {
                        messageOpcode = opcode;
                    }
                    message.write(payload);
                    if (fin) {
                        closeSent |= reply(out, messageOpcode, message.toByteArray(), headers);
                        message.reset();
                    }
                }
            }
        }
    }

    /** Answers one message; true when the answer was the server's close. */
    private static boolean reply(OutputStream out, int opcode, byte[] data, Map<String, String> headers) throws IOException {
        String text = opcode == 1 ? new String(data, StandardCharsets.UTF_8) : null;
        if ("headers".equals(text)) {
            StringBuilder json = new StringBuilder("{");
            headers.forEach((k, v) -> {
                if (k.startsWith("x-") || k.equals("sec-websocket-protocol")) {
                    json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                            .append(v.replace("\"", "\\\"")).append('"');
                }
            });
            frame(out, 1, json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        } else if (text != null && text.startsWith("close ")) {
            String[] parts = text.split(" ", 3);
            int code = Integer.parseInt(parts[1]);
            byte[] reason = (parts.length > 2 ? parts[2] : "").getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + reason.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(reason, 0, payload, 2, reason.length);
            frame(out, 8, payload);
            return true;
        } else {
            frame(out, opcode, data);
        }
        return false;
    }

    static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        out.write(payload);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the request head");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    /** For a quick look by hand (on the test class path): serves until killed. */
    public static void main(String[] args) throws Exception {
        start();
        Thread.currentThread().join();
    }
}
