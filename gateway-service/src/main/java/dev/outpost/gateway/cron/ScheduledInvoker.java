package dev.outpost.gateway.cron;

import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.gateway.ingress.RequestIds;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.ScheduledResult;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Runs a worker version's {@code scheduled(controller, env, ctx)} (module export or service-worker
 * {@code addEventListener('scheduled')}) on its isolates, the same runtime path as {@code /cdn-cgi/handler/scheduled},
 * for the cron runner and the {@code WorkerDispatchService.Scheduled} gRPC call. Never fails: a version that cannot
 * be loaded is an {@code exception} outcome with the reason as its error.
 */
@ApplicationScoped
public class ScheduledInvoker {
    private static final Logger LOG = Logger.getLogger(ScheduledInvoker.class);

    private final WorkerHost host;
    private final Tracer tracer;

    public ScheduledInvoker(WorkerHost host, OpenTelemetry telemetry) {
        this.host = host;
        this.tracer = telemetry.getTracer("dev.outpost.gateway.cron");
    }

    /**
     * @param trigger what asked for the run, for the span and log lines ({@code cron}, {@code grpc})
     * @param parent  the trace context the run belongs to
     */
    public CompletionStage<ScheduledResult> run(ActiveVersion version, String cron, long scheduledTimeMillis,
            String trigger, Context parent) {
        String requestId = RequestIds.next(trigger);
        Span span = tracer.spanBuilder("worker " + version.scriptName() + " scheduled").setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("outpost.worker", version.scriptName())
                .setAttribute("outpost.request_id", requestId)
                .setAttribute("outpost.scheduled.cron", cron).startSpan();
        ScheduledEvent event = new ScheduledEvent(cron, scheduledTimeMillis, requestId, span.storeInContext(parent));
        return host.worker(version.versionId()).thenCompose(worker -> worker.scheduled(event, Invocation.DEFAULT))
                .exceptionally(failure -> {
                    LOG.errorf(failure, "Worker %s could not run scheduled event %s (%s)", version.scriptName(), requestId,
                            cron);
                    return new ScheduledResult("exception", false, "The worker could not be run: " + failure.getMessage());
                })
                .whenComplete((result, failure) -> {
                    span.setAttribute("outpost.scheduled.outcome", result.outcome());
                    if (!result.ok()) {
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }
}
