package dev.outpost.r2.grpc;

import dev.outpost.r2.error.GrpcErrors;
import io.grpc.stub.ServerCallStreamObserver;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a Multi down a server-streaming call with gRPC flow control: one item is requested at a
 * time and only while the transport says it is ready, so a slow client slows the backend read
 * instead of filling memory. Quarkus' Mutiny stubs subscribe with unbounded demand, which is why the
 * R2 service uses the plain observer API. Must be created during the initial call (handlers can only
 * be registered then); everything sent goes through the call's Vert.x context.
 */
final class OutboundFlow<T> implements Flow.Subscriber<T> {

    private final ServerCallStreamObserver<T> observer;
    private final Context context;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private boolean waitingForReady;
    private boolean finished;

    OutboundFlow(ServerCallStreamObserver<T> observer, Context context) {
        this.observer = observer;
        this.context = context;
        observer.setOnReadyHandler(this::onReady);
        observer.setOnCancelHandler(() -> {
            cancelled.set(true);
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        });
    }

    void start(Multi<T> items) {
        items.subscribe().withSubscriber(this);
    }

    void fail(Throwable failure) {
        context.runOnContext(v -> {
            if (!finished && !cancelled.get()) {
                finished = true;
                observer.onError(GrpcErrors.toStatus(failure));
            }
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled.get()) {
            s.cancel();
            return;
        }
        context.runOnContext(v -> requestWhenReady());
    }

    @Override
    public void onNext(T item) {
        context.runOnContext(v -> {
            if (finished || cancelled.get()) {
                return;
            }
            observer.onNext(item);
            requestWhenReady();
        });
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    @Override
    public void onComplete() {
        context.runOnContext(v -> {
            if (!finished && !cancelled.get()) {
                finished = true;
                observer.onCompleted();
            }
        });
    }

    private void requestWhenReady() {
        if (observer.isReady()) {
            subscription.request(1);
        } else {
            waitingForReady = true;
        }
    }

    private void onReady() {
        // runs on the call's context
        if (waitingForReady && subscription != null && !finished) {
            waitingForReady = false;
            subscription.request(1);
        }
    }
}
