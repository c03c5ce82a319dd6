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
                return new ScheduledResult(outcome.group(1), NO_RETRY.matcher(body).find());
            }
        }
        return new ScheduledResult(platformOutcome(response), false);
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
