package dev.outpost.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** One probe of whether a component answers; polled until it does. Must return quickly and never throw. */
@FunctionalInterface
public interface ReadinessCheck {
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    boolean isReady();

    default String describe() {
        return "ready";
    }

    /** Ready when GET url answers 200. */
    static ReadinessCheck http(String url) {
        return new ReadinessCheck() {
            @Override
            public boolean isReady() {
                try {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
                    return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String describe() {
                return "GET " + url + " -> 200";
            }
        };
    }

    /** Ready when a TCP connection to 127.0.0.1:port succeeds. */
    static ReadinessCheck tcp(int port) {
        return new ReadinessCheck() {
            @Override
            public boolean isReady() {
                return isListening(port);
            }

            @Override
            public String describe() {
                return "TCP 127.0.0.1:" + port;
            }
        };
    }

    /** Ready when the log, read from byte {@code fromOffset} on, contains {@code line}. */
    static ReadinessCheck logContains(Path log, long fromOffset, String line) {
        return new ReadinessCheck() {
            @Override
            public boolean isReady() {
                // only this start's part of the log: earlier starts may have printed the same line
                try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(log.toFile(), "r")) {
                    long from = Math.min(Math.max(fromOffset, 0), raf.length());
                    byte[] tail = new byte[(int) Math.min(raf.length() - from, 64L << 20)];
                    raf.seek(from);
                    raf.readFully(tail);
                    return new String(tail, StandardCharsets.UTF_8).contains(line);
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public String describe() {
                return "log line '" + line + "'";
            }
        };
    }

    static ReadinessCheck allOf(ReadinessCheck... checks) {
        return new ReadinessCheck() {
            @Override
            public boolean isReady() {
                for (ReadinessCheck c : checks) {
                    if (!c.isReady()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String describe() {
                return String.join(" and ", Arrays.stream(checks).map(ReadinessCheck::describe).toList());
            }
        };
    }

    static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
