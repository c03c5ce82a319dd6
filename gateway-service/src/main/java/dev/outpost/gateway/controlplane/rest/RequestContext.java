package dev.outpost.gateway.controlplane.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings a gRPC answer back to the request's Vert.x context. The D1 shards' plain grpc-java channels (and gRPC
 * clients generally) complete on their own threads, where Hibernate Reactive cannot be used: a resource that stores
 * something after a service call resumes here first.
 */
final class RequestContext {
    private RequestContext() {
    }

    /** Call on the request's thread; the returned Uni emits on that request's context. */
    static <T> Uni<T> resumeOn(Uni<T> call) {
        Context context = Vertx.currentContext();
        return context == null ? call : call.emitOn(task -> context.runOnContext(v -> task.run()));
    }
}
