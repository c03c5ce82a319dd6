package dev.outpost.runtime;

/**
 * How a scheduled event ended, in workerd's terms.
 *
 * @param outcome {@code ok}, {@code exception} (the handler or a waitUntil() promise threw),
 *                {@code exceededCpu}, {@code exceededMemory} or {@code canceled}
 * @param noRetry true when the handler called {@code controller.noRetry()}
 */
public record ScheduledResult(String outcome, boolean noRetry) {
    public boolean ok() {
        return "ok".equals(outcome);
    }
}
