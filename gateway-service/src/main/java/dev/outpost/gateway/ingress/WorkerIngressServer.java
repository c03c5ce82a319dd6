package dev.outpost.gateway.ingress;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.io.ReadStreamBody;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Worker traffic: a lean Vert.x HTTP server on its own port (never the control-plane port).
 * Per request: route by Host, buffer the body within the limit, hand it to the worker's isolate,
 * write the worker's response. One span per worker invocation; its context is what bindings and
 * outbound calls propagate as {@code traceparent}.
 */
@ApplicationScoped
public class WorkerIngressServer {
    private static final Logger LOG = Logger.getLogger(WorkerIngressServer.class);
    /** Bodies up to this size with a known length are buffered; anything else streams into the worker. */
    static final int BUFFERED_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final WorkerResolver resolver;
    private final WorkerHost host;
    private final Tracer tracer;
    private final io.opentelemetry.context.propagation.TextMapPropagator propagator;
    private final String node;
    private final List<HttpServer> servers = new ArrayList<>();

    public WorkerIngressServer(Vertx vertx, GatewayConfig config, WorkerResolver resolver, WorkerHost host,
            OpenTelemetry telemetry) {
        this.vertx = vertx;
        this.config = config;
        this.resolver = resolver;
        this.host = host;
        this.tracer = telemetry.getTracer("dev.outpost.gateway.ingress");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.node = Optional.ofNullable(System.getenv("HOSTNAME")).map(h -> h.length() > 8 ? h.substring(h.length() - 8) : h)
                .orElse("local");
    }

    void start(@Observes StartupEvent event) throws Exception {
        resolver.load().await().atMost(java.time.Duration.ofSeconds(30));
        // RT-13: Vert.x itself rejects what is far beyond the limits (over twice: 414/431 and closes); handle()
        // answers requests past them with a message naming the limit. Bigger decoder chunks mean fewer crossings
        // into the isolate for a streamed body.
        HttpServerOptions options = new HttpServerOptions().setHost(config.workerHost()).setPort(config.workerPort())
                .setCompressionSupported(false).setTcpNoDelay(true).setReusePort(true)
                .setMaxInitialLineLength(config.maxUrlBytes() * 2 + 1024)
                .setMaxHeaderSize(config.maxRequestHeaderBytes() * 2)
                .setMaxChunkSize(64 * 1024)
                // RT-10: Cloudflare accepts WebSocket messages up to 1 MiB
                .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 20);
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < instances; i++) {
            HttpServer server = vertx.createHttpServer(options).requestHandler(this::handle);
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            servers.add(server);
        }
        LOG.infof("Worker traffic on %s:%d", config.workerHost(), servers.get(0).actualPort());
    }

    void stop(@Observes ShutdownEvent event) {
        servers.forEach(HttpServer::close);
    }

    /** The bound port (useful when configured as 0 in tests). */
    public int port() {
        return servers.isEmpty() ? -1 : servers.get(0).actualPort();
    }

    private void handle(HttpServerRequest request) {
        Context parent = traceParent(request);
        String requestId = RequestIds.next(node);
        String limitError = RequestLimits.check(request, config.maxUrlBytes(), config.maxRequestHeaderBytes());
        if (limitError != null) {
            plain(request.response(), limitError.startsWith("URI") ? 414 : 431, requestId, limitError + "\n");
            return;
        }
        Optional<ActiveVersion> target = resolver.resolve(request.host(), request.path());
        if (target.isEmpty()) {
            plain(request.response(), 404, requestId, "No worker is deployed at " + request.host() + "\n");
            return;
        }
        if (ScheduledTrigger.matches(request) && config.scheduledEndpoint().enabled()) {
            scheduled(request, target.get(), requestId, parent);
            return;
        }
        String length = request.getHeader("content-length");
        long announced = length == null ? -1 : parseLong(length);
        if (announced > config.maxRequestBodyBytes()) {
            plain(request.response(), 413, requestId, "Payload Too Large: the request body exceeds the limit of "
                    + config.maxRequestBodyBytes() + " bytes.\n");
            return;
        }
        if (!RequestLimits.hasBody(request)) {
            if (WebSocketBridge.isUpgrade(request)) {
                // RT-10: Vert.x upgrades only a request not read to its end; it waits for the worker's answer.
                request.pause();
            }
            dispatch(request, target.get(), null, null, requestId, parent);
            return;
        }
        if (announced >= 0 && announced <= BUFFERED_BODY_BYTES) {
            // Small bodies of known size: one buffer, one copy into the isolate (the cheap path).
            request.body().onComplete(body -> {
                if (body.failed()) {
                    plain(request.response(), 400, requestId, "Bad Request\n");
                    return;
                }
                dispatch(request, target.get(), body.result(), null, requestId, parent);
            });
            return;
        }
        // Large or unknown size: the worker reads request.body as the bytes arrive; the socket waits for it.
        ReadStreamBody stream = new ReadStreamBody(request, vertx.getOrCreateContext(), config.maxRequestBodyBytes(),
                announced, s -> plainAndClose(request, 413, requestId, "Payload Too Large: the request body exceeds the limit of "
                + config.maxRequestBodyBytes() + " bytes.\n"), null);
        dispatch(request, target.get(), null, stream, requestId, parent);
    }

    /**
     * The context the worker span continues: Quarkus' server span of this request, captured before any
     * callback (the body arrives later, when another request's context may be current); when there is
     * none, the request's own {@code traceparent}.
     */
    private Context traceParent(HttpServerRequest request) {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        return propagator.extract(Context.root(), request, HEADERS);
    }

    private static final io.opentelemetry.context.propagation.TextMapGetter<HttpServerRequest> HEADERS =
            new io.opentelemetry.context.propagation.TextMapGetter<>() {
                @Override
                public Iterable<String> keys(HttpServerRequest carrier) {
                    return carrier.headers().names();
                }

                @Override
                public String get(HttpServerRequest carrier, String key) {
                    return carrier == null ? null : carrier.getHeader(key);
                }
            };

    private void dispatch(HttpServerRequest request, ActiveVersion version, Buffer body, ReadStreamBody bodyStream,
            String requestId, Context parent) {
        // The worker invocation is a child span of the request's server span (see traceParent).
        Span span = tracer.spanBuilder("worker " + version.scriptName()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("outpost.worker", version.scriptName())
                .setAttribute("outpost.request_id", requestId).startSpan();
        // RT-9: the edge's headers and request.cf
        EdgeRequest edge = EdgeRequest.of(request, config, requestId);
        String url = (request.isSSL() ? "https://" : "http://") + request.host() + request.uri();
        // The span's context rides along with the request: binding calls it makes continue its trace.
        WorkerRequest workerRequest = new WorkerRequest(request.method().name(), url, edge.headers(),
                body == null ? null : body.getBytes(), requestId, span.storeInContext(parent), bodyStream);
        io.vertx.core.Context context = vertx.getOrCreateContext();
        host.worker(version.versionId()).thenCompose(worker -> worker.fetch(workerRequest, Invocation.incoming(edge.cfJson())))
                .whenComplete((response, failure) -> context.runOnContext(v -> {
            // The span ends before the response leaves, so whoever reads the response also sees the span.
            if (bodyStream != null) {
                // Whatever the worker did not read is discarded once the answer is out (the connection stays usable).
                request.response().endHandler(ended -> bodyStream.cancel("response sent"));
            }
            if (request.response().ended()) {
                // Already answered by the gateway (413 past the body limit): the worker's answer is dropped.
                span.end();
                if (response != null && response.bodyStream() != null) {
                    response.bodyStream().cancel("request already answered");
                }
                return;
            }
            if (failure != null) {
                LOG.errorf(failure, "Worker %s could not serve request %s", version.scriptName(), requestId);
                span.setStatus(StatusCode.ERROR);
                span.end();
                plain(request.response(), 500, requestId, "Internal Server Error");
            } else {
                span.setAttribute("http.response.status_code", response.status());
                span.end();
                if (response.webSocket() != null) {
                    // RT-10: the worker answered with a WebSocket; a request that did not ask for one gets a 500.
                    if (response.status() == 101 && WebSocketBridge.isUpgrade(request)) {
                        WebSocketBridge.upgrade(request, response, requestId);
                        return;
                    }
                    LOG.warnf("Worker %s, request %s: %s", version.scriptName(), requestId, WebSocketBridge.NOT_AN_UPGRADE);
                    response.webSocket().receiveError(WebSocketBridge.NOT_AN_UPGRADE);
                    plain(request.response(), 500, requestId, "Internal Server Error");
                    return;
                }
                if (WebSocketBridge.isUpgrade(request)) {
                    request.resume();
                }
                // RT-14: the runtime's own failures get Cloudflare's error pages (1101, 1102)
                write(request.response(), ErrorPages.render(response, request.getHeader("accept"), requestId,
                        request.host()), requestId);
            }
        }));
    }

    /** {@code /cdn-cgi/handler/scheduled}: the worker's scheduled handler, as under wrangler dev. */
    private void scheduled(HttpServerRequest request, ActiveVersion version, String requestId, Context parent) {
        Span span = tracer.spanBuilder("worker " + version.scriptName() + " scheduled").setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("outpost.worker", version.scriptName())
                .setAttribute("outpost.request_id", requestId).startSpan();
        ScheduledEvent event;
        try {
            event = ScheduledTrigger.event(request, requestId, span.storeInContext(parent));
        } catch (IllegalArgumentException e) {
            span.end();
            plain(request.response(), 400, requestId, e.getMessage() + "\n");
            return;
        }
        io.vertx.core.Context context = vertx.getOrCreateContext();
        host.worker(version.versionId()).thenCompose(worker -> worker.scheduled(event, Invocation.DEFAULT))
                .whenComplete((result, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Worker %s could not run scheduled event %s", version.scriptName(), requestId);
                        span.setStatus(StatusCode.ERROR);
                        span.end();
                        plain(request.response(), 500, requestId, "Internal Server Error");
                        return;
                    }
                    span.setAttribute("outpost.scheduled.outcome", result.outcome());
                    span.end();
                    write(request.response(), ScheduledTrigger.response(result), requestId);
                }));
    }

    private static void write(HttpServerResponse out, WorkerResponse response, String requestId) {
        out.setStatusCode(response.status());
        if (response.statusText() != null && !response.statusText().isEmpty()) {
            out.setStatusMessage(response.statusText());
        }
        for (Map.Entry<String, String> h : response.headers()) {
            if (!h.getKey().equalsIgnoreCase("transfer-encoding") && !h.getKey().equalsIgnoreCase("connection")) {
                out.headers().add(h.getKey(), h.getValue());
            }
        }
        out.headers().set("cf-ray", requestId);
        if (response.bodyStream() == null) {
            out.end(Buffer.buffer(response.body()));
            return;
        }
        if (!out.headers().contains("content-length")) {
            out.setChunked(true);
        }
        new ResponsePump(out, response.bodyStream(), requestId).start();
    }

    private static void plainAndClose(HttpServerRequest request, int status, String requestId, String text) {
        HttpServerResponse out = request.response();
        if (out.ended() || out.headWritten()) {
            request.connection().close();
            return;
        }
        out.putHeader("connection", "close");
        plain(out, status, requestId, text);
        out.endHandler(v -> request.connection().close());
    }

    private static void plain(HttpServerResponse out, int status, String requestId, String text) {
        out.setStatusCode(status).putHeader("content-type", "text/plain;charset=UTF-8").putHeader("cf-ray", requestId)
                .end(text);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
