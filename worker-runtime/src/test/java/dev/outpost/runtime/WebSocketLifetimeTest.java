package dev.outpost.runtime;

import static dev.outpost.runtime.TestWorkers.get;
import static dev.outpost.runtime.TestWorkers.limits;
import static dev.outpost.runtime.TestWorkers.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RT-10: a request that answered with a WebSocket lives while the socket is open (past the wall deadline meant for
 * ordinary requests), CPU limits still apply to each event, and the client's close reaches the worker.
 */
class WebSocketLifetimeTest {
    private static final String WORKER = """
            export default {
              fetch() {
                const [client, server] = Object.values(new WebSocketPair());
                server.accept();
                server.addEventListener('message', (e) => {
                  if (e.data === 'spin') { for (;;) {} }
                  server.send('echo:' + e.data);
                });
                server.addEventListener('close', (e) => server.close(4000, 'saw ' + e.code + ' ' + e.reason));
                return new Response(null, { status: 101, webSocket: client });
              }
            };""";

    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** The embedder's side: what the worker sends, as "text:..." and "close:<code>:<reason>". */
    private static final class Recorder implements WorkerWebSocket.Peer {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

        @Override
        public void text(String text) {
            frames.add("text:" + text);
        }

        @Override
        public void binary(byte[] bytes) {
            frames.add("binary:" + bytes.length);
        }

        @Override
        public void close(int code, String reason) {
            frames.add("close:" + code + ":" + reason);
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        String next() throws InterruptedException {
            String frame = frames.poll(30, TimeUnit.SECONDS);
            assertNotNull(frame, "nothing from the worker");
            return frame;
        }
    }

    private static WorkerWebSocket open(LoadedWorker worker, Recorder recorder) throws Exception {
        WorkerResponse response = worker.fetch(get("https://ws.example/")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(101, response.status());
        assertNotNull(response.webSocket());
        response.webSocket().attach(recorder);
        return response.webSocket();
    }

    @Test
    void rt10SocketOutlivesTheWallDeadlineAndSeesTheClientClose() throws Exception {
        try (LoadedWorker worker = engine.load(single(WORKER), WorkerEnvironment.empty(),
                limits(Duration.ofSeconds(5), Duration.ofMillis(200)))) {
            Recorder recorder = new Recorder();
            WorkerWebSocket socket = open(worker, recorder);
            socket.receiveText("one");
            assertEquals("text:echo:one", recorder.next());
            // Several wall deadlines pass while the client is connected and quiet.
            Thread.sleep(1000);
            socket.receiveText("two");
            assertEquals("text:echo:two", recorder.next());
            socket.receiveClose(1001, "leaving");
            assertEquals("close:4000:saw 1001 leaving", recorder.next());
        }
    }

    @Test
    void rt10CpuLimitAppliesPerEventAndClosesTheClient() throws Exception {
        try (LoadedWorker worker = engine.load(single(WORKER), WorkerEnvironment.empty(),
                limits(Duration.ofMillis(100), Duration.ofSeconds(20)))) {
            Recorder recorder = new Recorder();
            WorkerWebSocket socket = open(worker, recorder);
            socket.receiveText("fine");
            assertEquals("text:echo:fine", recorder.next());
            socket.receiveText("spin");
            assertEquals("close:1011:Internal Error", recorder.next());
        }
    }
}
