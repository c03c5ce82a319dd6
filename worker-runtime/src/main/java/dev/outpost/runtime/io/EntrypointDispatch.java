package dev.outpost.runtime.io;

import dev.outpost.runtime.ScheduledResult;
import dev.outpost.runtime.WorkerResponse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answers of non-HTTP invocations. The isolate runs scheduled events and RPC calls through the same
 * request machinery as fetch (limits, deadlines, leftovers); the prelude answers them with a 200 whose body is
 * the JSON outcome, while any platform failure (uncaught error, CPU or memory limit, wall deadline, isolate
 * gone) arrives as one of {@link ErrorResponses}' responses and is translated here.
 */
public final class EntrypointDispatch {
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Za-z]+)\"");
    private static final Pattern NO_RETRY = Pattern.compile("\"noRetry\"\\s*:\\s*true");

    private EntrypointDispatch() {
    }

    public static ScheduledResult scheduledResult(WorkerResponse response) {
        if (response.status() == 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher outcome = OUTCOME.matcher(body);
            if (outcome.find()) {
                return new ScheduledResult(outcome.group(1), NO_RETRY.matcher(body).find(), scheduledError(body));
            }
        }
        return new ScheduledResult(platformOutcome(response), false);
    }

    /** The {@code error} member of the scheduled outcome JSON (the prelude's own, so well-formed), or empty. */
    private static String scheduledError(String body) {
        try {
            String error = new io.vertx.core.json.JsonObject(body).getString("error");
            return error == null ? "" : error;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static final Pattern ACK_ALL = Pattern.compile("\"ackAll\"\\s*:\\s*true");
    private static final Pattern RETRY_ALL = Pattern.compile("\"retryAll\"\\s*:\\s*true");
    private static final Pattern RETRY_ALL_DELAY = Pattern.compile("\"retryAllDelay\"\\s*:\\s*(\\d+)");
    private static final Pattern ACKS = Pattern.compile("\"acks\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RETRY = Pattern.compile("\\[\"((?:[^\"\\\\]|\\\\.)*)\",(null|\\d+)\\]");

    /**
     * what a queue handler decided (queue-consumer.js' JSON); a platform failure (limits, a throw outside the
     * handler, the isolate gone) is an outcome with no decisions, so every message is retried.
     */
    public static dev.outpost.runtime.bindings.queue.QueueBatchResult queueResult(WorkerResponse response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() == 200) {
            Matcher outcome = OUTCOME.matcher(body);
            if (outcome.find()) {
                java.util.List<String> acks = new java.util.ArrayList<>();
                Matcher ackList = ACKS.matcher(body);
                if (ackList.find()) {
                    Matcher id = QUOTED.matcher(ackList.group(1));
                    while (id.find()) {
                        acks.add(id.group(1));
                    }
                }
                java.util.Map<String, Integer> retries = new java.util.LinkedHashMap<>();
                int at = body.indexOf("\"retries\"");
                Matcher retry = RETRY.matcher(at < 0 ? "" : body.substring(at));
                while (retry.find()) {
                    retries.put(retry.group(1), "null".equals(retry.group(2)) ? null : Integer.valueOf(retry.group(2)));
                }
                Matcher delay = RETRY_ALL_DELAY.matcher(body);
                return new dev.outpost.runtime.bindings.queue.QueueBatchResult(outcome.group(1),
                        ACK_ALL.matcher(body).find(), RETRY_ALL.matcher(body).find(),
                        delay.find() ? Integer.valueOf(delay.group(1)) : null, acks, retries, "");
            }
        }
        return new dev.outpost.runtime.bindings.queue.QueueBatchResult(platformOutcome(response), false, false, null,
                java.util.List.of(), java.util.Map.of(), body);
    }

    /** The RPC outcome JSON; platform failures become an Error the caller throws. */
    public static String rpcOutcome(WorkerResponse response) {
        if (response.status() == 200) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        String message = switch (platformOutcome(response)) {
            case "exceededCpu" -> "Worker exceeded CPU time limit.";
            case "exceededMemory" -> "Worker exceeded memory limit.";
            case "canceled" -> "The Workers runtime canceled this request because the called Worker is not available.";
            default -> "The called Worker threw an exception or never generated a result.";
        };
        return "{\"ok\":false,\"error\":{\"name\":\"Error\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}";
    }

    private static String platformOutcome(WorkerResponse response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() == 503) {
            if (body.contains("CPU")) {
                return "exceededCpu";
            }
            if (body.contains("memory")) {
                return "exceededMemory";
            }
            return "canceled";
        }
        return "exception";
    }
}
