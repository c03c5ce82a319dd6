package dev.outpost.localstack.process;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessCheckTest {
    @TempDir
    Path dir;

    @Test
    void logLineCountsOnlyAfterThisStartsOffset() throws Exception {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, "Kafka Server started (previous run)\n");
        ReadinessCheck check = ReadinessCheck.logContains(log, Files.size(log), "Kafka Server started");
        assertFalse(check.isReady());
        Files.writeString(log, "starting...\n", StandardOpenOption.APPEND);
        assertFalse(check.isReady());
        Files.writeString(log, "Kafka Server started\n", StandardOpenOption.APPEND);
        assertTrue(check.isReady());
        assertFalse(ReadinessCheck.logContains(dir.resolve("none.log"), 0, "x").isReady());
    }

    @Test
    void tcpAndHttpProbesAnswerWhatTheServerDoes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
            assertTrue(ReadinessCheck.tcp(port).isReady());
        }
        assertFalse(ReadinessCheck.tcp(port).isReady());

        AtomicInteger status = new AtomicInteger(503);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/q/health/ready", ex -> {
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        http.start();
        try {
            ReadinessCheck check = ReadinessCheck.http("http://127.0.0.1:" + http.getAddress().getPort() + "/q/health/ready");
            assertFalse(check.isReady());
            status.set(200);
            assertTrue(check.isReady());
            assertTrue(ReadinessCheck.allOf(check, ReadinessCheck.tcp(http.getAddress().getPort())).isReady());
            assertFalse(ReadinessCheck.allOf(check, ReadinessCheck.tcp(port)).isReady());
        } finally {
            http.stop(0);
        }
    }
}
