package dev.outpost.r2.support;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.GetHead;
import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.contracts.r2.v1.GetResponse;
import dev.outpost.contracts.r2.v1.PutHead;
import dev.outpost.contracts.r2.v1.PutRequest;
import dev.outpost.contracts.r2.v1.PutResponse;
import dev.outpost.contracts.r2.v1.UploadPartHead;
import dev.outpost.contracts.r2.v1.UploadPartRequest;
import dev.outpost.contracts.r2.v1.UploadedPart;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Streaming R2 calls as a test wants them: whole byte arrays in, whole byte arrays out. */
public final class R2Calls {

    private static final int CHUNK = 256 * 1024;

    private final GrpcClients clients;

    public R2Calls(GrpcClients clients) {
        this.clients = clients;
    }

    public PutResponse put(BucketRef bucket, String key, byte[] body) throws Exception {
        return put(bucket, key, body, h -> {
        });
    }

    public PutResponse put(BucketRef bucket, String key, byte[] body, Consumer<PutHead.Builder> head) throws Exception {
        PutHead.Builder h = PutHead.newBuilder().setBucket(bucket).setKey(key).setContentLength(body.length);
        head.accept(h);
        CompletableFuture<PutResponse> result = new CompletableFuture<>();
        StreamObserver<PutRequest> out = clients.async.put(observer(result));
        out.onNext(PutRequest.newBuilder().setHead(h).build());
        for (int off = 0; off < body.length; off += CHUNK) {
            out.onNext(PutRequest.newBuilder()
                    .setChunk(ByteString.copyFrom(body, off, Math.min(CHUNK, body.length - off))).build());
        }
        out.onCompleted();
        return await(result);
    }

    public UploadedPart uploadPart(BucketRef bucket, String key, String uploadId, int part, byte[] body) throws Exception {
        CompletableFuture<UploadedPart> result = new CompletableFuture<>();
        StreamObserver<UploadPartRequest> out = clients.async.uploadPart(observer(result));
        out.onNext(UploadPartRequest.newBuilder().setHead(UploadPartHead.newBuilder().setBucket(bucket).setKey(key)
                .setUploadId(uploadId).setPartNumber(part).setContentLength(body.length)).build());
        for (int off = 0; off < body.length; off += CHUNK) {
            out.onNext(UploadPartRequest.newBuilder()
                    .setChunk(ByteString.copyFrom(body, off, Math.min(CHUNK, body.length - off))).build());
        }
        out.onCompleted();
        return await(result);
    }

    /** A get: the head and the concatenated body (empty when none followed). */
    public record Got(GetHead head, byte[] body, int chunks) {
    }

    public Got get(GetRequest request) {
        Iterator<GetResponse> it = clients.blocking.get(request);
        GetHead head = it.next().getHead();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunks = 0;
        while (it.hasNext()) {
            GetResponse r = it.next();
            if (r.hasHead()) {
                throw new AssertionError("second head in a get stream");
            }
            body.writeBytes(r.getChunk().toByteArray());
            chunks++;
        }
        return new Got(head, body.toByteArray(), chunks);
    }

    public Got get(BucketRef bucket, String key) {
        return get(GetRequest.newBuilder().setBucket(bucket).setKey(key).build());
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static <T> StreamObserver<T> observer(CompletableFuture<T> result) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                result.complete(null);
            }
        };
    }
}
