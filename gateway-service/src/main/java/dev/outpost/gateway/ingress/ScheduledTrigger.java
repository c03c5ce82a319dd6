package dev.outpost.gateway.ingress;

import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.ScheduledResult;
import dev.outpost.runtime.WorkerResponse;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /cdn-cgi/handler/scheduled?cron=...&time=...} on the worker port (as {@code wrangler dev} offers it):
 * runs the worker's {@code scheduled} handler with {@code controller.cron} (default empty) and
 * {@code controller.scheduledTime} ({@code time} in milliseconds since the epoch, default now). The answer is
 * wrangler's: the outcome ({@code ok}, {@code exception}, ...) as text, 200 when ok and 500 otherwise.
 */
public final class ScheduledTrigger {
    public static final String PATH = "/cdn-cgi/handler/scheduled";

    private ScheduledTrigger() {
    }

    public static boolean matches(HttpServerRequest request) {
        return PATH.equals(request.path());
    }

    /** The event the request asks for; IllegalArgumentException when {@code time} is not a number. */
    public static ScheduledEvent event(HttpServerRequest request, String requestId, Object attachment) {
        String cron = request.getParam("cron");
        String time = request.getParam("time");
        long scheduledTime;
        if (time == null || time.isBlank()) {
            scheduledTime = System.currentTimeMillis();
        } else {
            try {
                scheduledTime = Long.parseLong(time.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("time must be milliseconds since the epoch, got \"" + time + "\"");
            }
        }
        return new ScheduledEvent(cron == null ? "" : cron, scheduledTime, requestId, attachment);
    }

    public static WorkerResponse response(ScheduledResult result) {
        return new WorkerResponse(result.ok() ? 200 : 500, "", List.of(Map.entry("content-type", "text/plain;charset=UTF-8")),
                result.outcome().getBytes(StandardCharsets.UTF_8));
    }
}
