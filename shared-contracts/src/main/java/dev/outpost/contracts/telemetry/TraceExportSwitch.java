package dev.outpost.contracts.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Keeps OTLP export off unless an endpoint is configured, while spans are still made and
 * {@code traceparent} still propagated. Quarkus' OTLP exporter always exports (to localhost:4317
 * by default) unless the application provides its own {@link SpanExporter}; this provides one
 * that drops spans, visible only while {@code outpost.otlp.export} is {@code off} — which each
 * service sets to {@code ${OUTPOST_OTLP_ENDPOINT:off}}, so configuring an endpoint turns it on.
 */
@ApplicationScoped
public class TraceExportSwitch {

    @Produces
    @Singleton
    @LookupIfProperty(name = "outpost.otlp.export", stringValue = "off", lookupIfMissing = true)
    SpanExporter dropSpans() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
