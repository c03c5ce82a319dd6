package dev.outpost.gateway.bindings.r2;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.r2.v1.AbortMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.CompleteMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.CreateMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.DeleteRequest;
import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.contracts.r2.v1.HeadRequest;
import dev.outpost.contracts.r2.v1.ListRequest;
import dev.outpost.contracts.r2.v1.PutHead;
import dev.outpost.contracts.r2.v1.PutRequest;
import dev.outpost.contracts.r2.v1.PutResponse;
import dev.outpost.contracts.r2.v1.UploadPartHead;
import dev.outpost.contracts.r2.v1.UploadPartRequest;
import dev.outpost.contracts.r2.v1.UploadedPart;
import dev.outpost.gateway.bindings.BindingCalls;
import dev.outpost.runtime.bindings.BindingCallContext;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;
import dev.outpost.runtime.bindings.r2.R2GetOptions;
import dev.outpost.runtime.bindings.r2.R2GetResult;
import dev.outpost.runtime.bindings.r2.R2HttpMetadata;
import dev.outpost.runtime.bindings.r2.R2ListOptions;
import dev.outpost.runtime.bindings.r2.R2ListPage;
import dev.outpost.runtime.bindings.r2.R2ObjectMeta;
import dev.outpost.runtime.bindings.r2.R2PutOptions;
import dev.outpost.runtime.bindings.r2.R2UploadedPart;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A worker's R2 bucket binding (R2-1..R2-8), served by r2-service over gRPC. Unary calls carry the binding deadline;
 * Get waits for its head within the deadline and then streams the body as the worker reads it; Put and UploadPart
 * stream the body to r2-service as it is pulled from the worker (no deadline: a large body may take long, and a dead
 * service fails the stream).
 */
public final class GrpcR2Bucket implements R2BucketBinding {
    private final R2Clients clients;
    private final BucketRef bucket;
    private final Duration timeout;

    public GrpcR2Bucket(R2Clients clients, String accountId, String scriptName, String bucketName, String jurisdiction,
                        Duration timeout) {
        this.clients = clients;
        BucketRef.Builder ref = BucketRef.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(scriptName)).setBucket(bucketName);
        if (jurisdiction != null) {
            ref.setJurisdiction(jurisdiction);
        }
        this.bucket = ref.build();
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<R2ObjectMeta> head(String key) {
        return unary(clients.unary().head(HeadRequest.newBuilder().setBucket(bucket).setKey(key).build())
                .map(r -> r.getFound() ? R2Protos.object(r.getObject()) : null));
    }

    @Override
    public CompletionStage<R2GetResult> get(String key, R2GetOptions options) {
        GetRequest.Builder request = GetRequest.newBuilder().setBucket(bucket).setKey(key);
        if (options != null && options.range() != null) {
            request.setRange(R2Protos.range(options.range()));
        }
        if (options != null && options.onlyIf() != null) {
            request.setOnlyIf(R2Protos.conditional(options.onlyIf()));
        }
        GetStream stream = new GetStream();
        inRequestContext(() -> clients.streams().get(request.build(), stream));
        return stream.head().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, failure) -> {
            if (failure != null) {
                stream.cancel();
            }
        }).exceptionallyCompose(f -> CompletableFuture.failedFuture(R2Failures.describe(f)));
    }

    @Override
    public CompletionStage<R2ObjectMeta> put(String key, R2PutOptions options, R2ChunkSource body) {
        PutHead.Builder head = PutHead.newBuilder().setBucket(bucket).setKey(key)
                .setHttpMetadata(R2Protos.http(options.httpMetadata())).putAllCustomMetadata(options.customMetadata())
                .setExpected(R2Protos.checksums(options.expected())).setContentLength(body.length());
        if (options.onlyIf() != null) {
            head.setOnlyIf(R2Protos.conditional(options.onlyIf()));
        }
        if (options.storageClass() != null) {
            head.setStorageClass(options.storageClass());
        }
        UploadStream<PutRequest, PutResponse> upload = new UploadStream<>(PutRequest.newBuilder().setHead(head).build(),
                body, chunk -> PutRequest.newBuilder().setChunk(chunk).build());
        inRequestContext(() -> clients.streams().put(upload));
        return upload.result().thenApply(r -> r != null && r.getWritten() ? R2Protos.object(r.getObject()) : null);
    }

    @Override
    public CompletionStage<Void> delete(List<String> keys) {
        return unary(clients.unary().delete(DeleteRequest.newBuilder().setBucket(bucket).addAllKeys(keys).build())
                .replaceWithVoid());
    }

    @Override
    public CompletionStage<R2ListPage> list(R2ListOptions o) {
        ListRequest.Builder request = ListRequest.newBuilder().setBucket(bucket).setLimit(o.limit())
                .setIncludeHttpMetadata(o.includeHttpMetadata()).setIncludeCustomMetadata(o.includeCustomMetadata());
        if (o.prefix() != null) {
            request.setPrefix(o.prefix());
        }
        if (o.delimiter() != null) {
            request.setDelimiter(o.delimiter());
        }
        if (o.cursor() != null) {
            request.setCursor(o.cursor());
        }
        if (o.startAfter() != null) {
            request.setStartAfter(o.startAfter());
        }
        return unary(clients.unary().list(request.build()).map(r -> new R2ListPage(
                r.getObjectsList().stream().map(R2Protos::object).toList(), r.getDelimitedPrefixesList(),
                r.getTruncated(), r.getTruncated() && !r.getCursor().isEmpty() ? r.getCursor() : null)));
    }

    @Override
    public CompletionStage<String> createMultipartUpload(String key, R2HttpMetadata httpMetadata,
                                                         Map<String, String> customMetadata, String storageClass) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.newBuilder().setBucket(bucket)
                .setKey(key).setHttpMetadata(R2Protos.http(httpMetadata)).putAllCustomMetadata(customMetadata);
        if (storageClass != null) {
            request.setStorageClass(storageClass);
        }
        return unary(clients.unary().createMultipartUpload(request.build()).map(u -> u.getUploadId()));
    }

    @Override
    public CompletionStage<R2UploadedPart> uploadPart(String key, String uploadId, int partNumber, R2ChunkSource body) {
        UploadPartRequest head = UploadPartRequest.newBuilder().setHead(UploadPartHead.newBuilder().setBucket(bucket)
                .setKey(key).setUploadId(uploadId).setPartNumber(partNumber).setContentLength(body.length())).build();
        UploadStream<UploadPartRequest, UploadedPart> upload = new UploadStream<>(head, body,
                chunk -> UploadPartRequest.newBuilder().setChunk(chunk).build());
        inRequestContext(() -> clients.streams().uploadPart(upload));
        return upload.result().thenApply(p -> new R2UploadedPart(p.getPartNumber(), p.getEtag()));
    }

    @Override
    public CompletionStage<R2ObjectMeta> completeMultipartUpload(String key, String uploadId, List<R2UploadedPart> parts) {
        CompleteMultipartUploadRequest.Builder request = CompleteMultipartUploadRequest.newBuilder().setBucket(bucket)
                .setKey(key).setUploadId(uploadId);
        for (R2UploadedPart p : parts) {
            request.addParts(UploadedPart.newBuilder().setPartNumber(p.partNumber()).setEtag(p.etag()));
        }
        return unary(clients.unary().completeMultipartUpload(request.build()).map(R2Protos::object));
    }

    @Override
    public CompletionStage<Void> abortMultipartUpload(String key, String uploadId) {
        return unary(clients.unary().abortMultipartUpload(AbortMultipartUploadRequest.newBuilder().setBucket(bucket)
                .setKey(key).setUploadId(uploadId).build()).replaceWithVoid());
    }

    private <T> CompletionStage<T> unary(Uni<T> call) {
        return BindingCalls.start(timeout, call, R2Failures::describe);
    }

    /** Starts a streaming call inside the calling request's trace context, as {@link BindingCalls} does. */
    private static void inRequestContext(Runnable start) {
        if (BindingCallContext.attachment() instanceof Context context) {
            try (Scope ignored = context.makeCurrent()) {
                start.run();
            }
        } else {
            start.run();
        }
    }
}
