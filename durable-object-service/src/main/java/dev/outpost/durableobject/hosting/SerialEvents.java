package dev.outpost.durableobject.hosting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * DO-13: the events of one object run one at a time, in arrival order — the next starts when the previous one's
 * response (and so every write it made) is complete. Stricter than workerd's input gate, which lets events
 * interleave at awaits of non-storage I/O; an object that calls itself would wait on itself until the event's
 * wall limit ends the outer call.
 */
final class SerialEvents {
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    <T> CompletableFuture<T> run(String objectId, Supplier<? extends CompletionStage<T>> event) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(objectId, (id, previous) -> {
            CompletableFuture<Void> start = previous == null ? CompletableFuture.completedFuture(null) : previous;
            mine[0] = start.thenCompose(ignored -> {
                CompletionStage<T> stage;
                try {
                    stage = event.get();
                } catch (RuntimeException e) {
                    stage = CompletableFuture.failedFuture(e);
                }
                return stage.handle((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                    return (Void) null;
                });
            });
            return mine[0];
        });
        // forget an idle object's queue
        mine[0].whenComplete((v, e) -> tails.remove(objectId, mine[0]));
        return result;
    }

    /** Objects with an event queued or running. */
    int busyObjects() {
        return tails.size();
    }
}
