package dev.outpost.runtime;

/**
 * How a scheduled event ended, in workerd's terms.
 *
 * @param outcome {@code ok}, {@code exception} (the handler or a waitUntil() promise threw),
 *                {@code exceededCpu}, {@code exceededMemory} or {@code canceled}
 * @param noRetry true when the handler called {@code controller.noRetry()}
 * @param error   what failed first when the outcome is {@code exception} (the handler's throw, else the first
 *                rejected waitUntil() promise); empty otherwise and for platform outcomes, whose name says it
 */
public record ScheduledResult(String outcome, boolean noRetry, String error) {
    public ScheduledResult {
        error = error == null ? "" : error;
    }

    public ScheduledResult(String outcome, boolean noRetry) {
        this(outcome, noRetry, "");
    }

    public boolean ok() {
        return "ok".equals(outcome);
    }
}
