package dev.outpost.r2.grpc;

import dev.outpost.r2.service.UploadBody;
import dev.outpost.r2.stream.BodyPipe;
import io.grpc.stub.ServerCallStreamObserver;
import io.vertx.core.Context;

/**
 * The chunks of a client-streaming upload (Put, UploadPart) fed into a {@link BodyPipe} with gRPC
 * flow control: the next message is requested only while the pipe has room, so a fast client waits
 * for the backend instead of filling memory.
 */
final class InboundBody {

    private final BodyPipe pipe;
    private final ServerCallStreamObserver<?> call;
    private final long length;

    InboundBody(ServerCallStreamObserver<?> call, Context context, long length, int bufferBytes) {
        this.call = call;
        this.length = length;
        this.pipe = new BodyPipe(bufferBytes);
        pipe.onDrain(() -> context.runOnContext(v -> call.request(1)));
    }

    UploadBody body() {
        return new UploadBody(pipe.input(), length, pipe::abort);
    }

    /** A chunk arrived (on the call's context): keep it and ask for the next while there is room. */
    void chunk(byte[] bytes) {
        if (pipe.offer(bytes)) {
            call.request(1);
        }
    }

    void end() {
        pipe.end();
    }

    void fail(Throwable cause) {
        pipe.fail(cause);
    }
}
