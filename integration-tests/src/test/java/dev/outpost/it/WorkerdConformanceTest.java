package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.it.conformance.ConformanceCase;
import dev.outpost.it.conformance.OriginServer;
import dev.outpost.it.conformance.TcpOrigin;
import dev.outpost.it.conformance.WebSocketOrigin;
import dev.outpost.it.conformance.Workerd;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance against workerd (RT-1, RT-3, RT-4, RT-6, RT-7, RT-11): every script of {@code conformance/corpus}
 * runs on Cloudflare's workerd and on a real Outpost stack (uploaded through the control API, called through the
 * gateway's ingress); the same requests must get the same status, content type, named headers and body.
 * One dynamic test per script, named with its checklist id. {@code -Dconformance.only=a,b} runs only the scripts
 * whose names contain one of the given strings.
 */
class WorkerdConformanceTest {
    static final int OFFSET = 10000;
    static final int WORKERD_BASE_PORT = 30000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path REPO = ItStack.REPO;

    @TempDir
    static Path state;
    static LocalStack stack;
    static Workerd workerd;
    static OriginServer origin;
    static WebSocketOrigin webSocketOrigin;
    static TcpOrigin tcpOrigin;
    static List<ConformanceCase> cases;
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        cases = loadCorpus();
        origin = OriginServer.start();
        webSocketOrigin = WebSocketOrigin.start();
        tcpOrigin = TcpOrigin.start();
        workerd = Workerd.start(Workerd.install(REPO), state.resolve("workerd"), cases, WORKERD_BASE_PORT);
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.GATEWAY)
                // the origin server is on loopback, which the SSRF guard refuses by default
                .systemProperty(Component.GATEWAY, "outpost.gateway.fetch.allowed-cidrs", "127.0.0.1/32").build();
        stack.start();
        ControlPlaneClient controlPlane = ItStack.controlPlane(stack, JSON);
        for (ConformanceCase c : cases) {
            controlPlane.uploadScript(c.workerName(), bundle(c), metadata(c));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop();
        }
        if (workerd != null) {
            workerd.close();
        }
        if (origin != null) {
            origin.close();
        }
        if (webSocketOrigin != null) {
            webSocketOrigin.close();
        }
        if (tcpOrigin != null) {
            tcpOrigin.close();
        }
    }

    static List<ConformanceCase> loadCorpus() throws Exception {
        String only = System.getProperty("conformance.only", "");
        List<ConformanceCase> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPO.resolve("conformance/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                String name = f.getFileName().toString();
                if (only.isBlank() || Stream.of(only.split(",")).anyMatch(s -> name.contains(s.trim()))) {
                    all.add(ConformanceCase.load(f));
                }
            }
        }
        assertTrue(!all.isEmpty(), "no corpus scripts selected");
        return all;
    }

    /** A service-worker script is uploaded as a plain script part (application/javascript), as wrangler does. */
    static WorkerBundle bundle(ConformanceCase c) throws Exception {
        if (!c.serviceWorker()) {
            return WorkerBundle.fromPath(c.script(), null);
        }
        String name = c.script().getFileName().toString();
        return new WorkerBundle(name, List.of(new dev.outpost.localstack.deploy.WorkerModule(name,
                "application/javascript", Files.readAllBytes(c.script()))));
    }

    static ObjectNode metadata(ConformanceCase c) {
        ObjectNode m = JSON.createObjectNode();
        m.put(c.serviceWorker() ? "body_part" : "main_module", c.script().getFileName().toString());
        m.put("compatibility_date", c.compatibilityDate());
        c.compatibilityFlags().forEach(m.putArray("compatibility_flags")::add);
        ArrayNode bindings = m.putArray("bindings");
        c.vars().forEach((name, value) -> {
            ObjectNode b = bindings.addObject().put("name", name);
            if (value.isTextual()) {
                b.put("type", "plain_text").put("text", value.asText());
            } else {
                b.put("type", "json").set("json", value);
            }
        });
        return m;
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ConformanceCase c = cases.get(i);
            int workerdPort = WORKERD_BASE_PORT + i;
            tests.add(DynamicTest.dynamicTest(c.checklistId() + " " + c.name() + ": " + c.description(),
                    () -> compare(c, workerdPort)));
        }
        return tests.stream();
    }

    static void compare(ConformanceCase c, int workerdPort) throws Exception {
        for (ConformanceCase.CaseRequest r : c.requests()) {
            String expected = render(c, send(c, r, workerdPort));
            String actual = render(c, send(c, r, 8787 + OFFSET));
            assertEquals(expected, actual, c.checklistId() + " " + c.name() + ": " + r.method() + " " + r.path()
                    + " differs (expected = workerd, actual = Outpost)");
        }
    }

    static HttpResponse<byte[]> send(ConformanceCase c, ConformanceCase.CaseRequest r, int port) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + r.path()))
                .header("Host", c.workerName() + ".localhost").timeout(Duration.ofSeconds(20))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : r.body().equals("@big") ? HttpRequest.BodyPublishers.ofByteArray(bigBody())
                        : HttpRequest.BodyPublishers.ofString(r.body()));
        r.headers().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The request body {@code "@big"} stands for 3 MB of a repeating pattern (large streamed bodies). */
    static byte[] bigBody() {
        byte[] big = new byte[3_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        return big;
    }

    /** What is compared, one line per item, so that a failure shows a readable diff. */
    static String render(ConformanceCase c, HttpResponse<byte[]> response) {
        StringBuilder s = new StringBuilder("status: ").append(response.statusCode()).append('\n');
        if (!c.compareBody()) {
            return s.toString();
        }
        List<String> names = new ArrayList<>();
        names.add("content-type");
        names.addAll(c.compareHeaders());
        for (String name : names) {
            s.append(name).append(": ").append(response.headers().allValues(name)).append('\n');
        }
        return s.append("body: ").append(text(response.body())).append('\n').toString();
    }

    static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return "(hex) " + HexFormat.of().formatHex(body);
        }
    }
}
