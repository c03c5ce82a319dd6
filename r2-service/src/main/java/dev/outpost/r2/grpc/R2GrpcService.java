package dev.outpost.r2.grpc;

import dev.outpost.contracts.r2.v1.AbortMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.Bucket;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.CompleteMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.CreateBucketRequest;
import dev.outpost.contracts.r2.v1.CreateMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.DeleteRequest;
import dev.outpost.contracts.r2.v1.DeleteResponse;
import dev.outpost.contracts.r2.v1.GetHead;
import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.contracts.r2.v1.GetResponse;
import dev.outpost.contracts.r2.v1.HeadRequest;
import dev.outpost.contracts.r2.v1.HeadResponse;
import dev.outpost.contracts.r2.v1.ListBucketsRequest;
import dev.outpost.contracts.r2.v1.ListBucketsResponse;
import dev.outpost.contracts.r2.v1.ListRequest;
import dev.outpost.contracts.r2.v1.ListResponse;
import dev.outpost.contracts.r2.v1.MultipartUpload;
import dev.outpost.contracts.r2.v1.PutHead;
import dev.outpost.contracts.r2.v1.PutRequest;
import dev.outpost.contracts.r2.v1.PutResponse;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.contracts.r2.v1.R2ServiceGrpc;
import dev.outpost.contracts.r2.v1.UploadPartHead;
import dev.outpost.contracts.r2.v1.UploadPartRequest;
import dev.outpost.contracts.r2.v1.UploadedPart;
import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.GrpcErrors;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.ListQuery;
import dev.outpost.r2.model.PartInfo;
import dev.outpost.r2.service.BucketService;
import dev.outpost.r2.service.ObjectService;
import dev.outpost.r2.service.Preconditions;
import dev.outpost.r2.service.PutCommand;
import dev.outpost.r2.service.R2Conditional;
import dev.outpost.r2.service.UploadBody;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * outpost.r2.v1.R2Service: translates messages to {@link ObjectService} / {@link BucketService}
 * calls and back. Streaming methods use the plain observer API for real flow control (see
 * {@link GetBodyPump}, {@link InboundBody}); unary ones answer on the call's context.
 */
@GrpcService
public class R2GrpcService extends R2ServiceGrpc.R2ServiceImplBase {

    @Inject
    ObjectService objects;
    @Inject
    BucketService buckets;
    @Inject
    R2Config config;

    // ------------------------------------------------------------------ objects

    @Override
    public void head(HeadRequest request, StreamObserver<HeadResponse> observer) {
        unary(observer, () -> objects.head(ProtoMapper.bucket(request.getBucket()), request.getKey())
                .map(found -> found.map(o -> HeadResponse.newBuilder().setFound(true)
                        .setObject(ProtoMapper.object(o, null)).build())
                        .orElse(HeadResponse.newBuilder().setFound(false).build())));
    }

    @Override
    public void get(GetRequest request, StreamObserver<GetResponse> observer) {
        ServerCallStreamObserver<GetResponse> call = (ServerCallStreamObserver<GetResponse>) observer;
        GetBodyPump pump = new GetBodyPump(call, Vertx.currentContext());
        Uni.createFrom().deferred(() -> {
            R2Conditional onlyIf = ProtoMapper.conditional(request.hasOnlyIf(), request.getOnlyIf());
            return objects.get(ProtoMapper.bucket(request.getBucket()), request.getKey(),
                    ProtoMapper.range(request.hasRange(), request.getRange()),
                    onlyIf.isEmpty() ? null : info -> Preconditions.r2Passes(onlyIf, info));
        }).subscribe().with(result -> {
            if (result == null) {
                pump.sendOnly(head(GetHead.newBuilder().setFound(false).build()));
                return;
            }
            R2Object object = ProtoMapper.object(result.object(), result.range());
            GetResponse first = head(GetHead.newBuilder().setFound(true)
                    .setPreconditionMet(result.preconditionMet()).setObject(object).build());
            if (!result.preconditionMet()) {
                pump.sendOnly(first);
                return;
            }
            long length = result.range() == null ? result.object().size() : result.range().length();
            // the backend's answer normally arrives on an HTTP client thread, which may block: read right there
            java.util.concurrent.Executor executor = Context.isOnEventLoopThread() ? objects.blockingExecutor()
                    : Runnable::run;
            pump.sendBody(first, result.stream(), config.limits().chunkBytes(), BODY_CHUNKS_AHEAD, length, executor);
        }, pump::fail);
    }

    /** Chunks read ahead of a binding get's call (each config.limits().chunkBytes()). */
    private static final int BODY_CHUNKS_AHEAD = 2;

    private static GetResponse head(GetHead head) {
        return GetResponse.newBuilder().setHead(head).build();
    }

    @Override
    public StreamObserver<PutRequest> put(StreamObserver<PutResponse> observer) {
        ServerCallStreamObserver<PutResponse> call = (ServerCallStreamObserver<PutResponse>) observer;
        return new Upload<>(call, PutRequest::hasHead, r -> r.getChunk().toByteArray(),
                (PutRequest r, UploadBody body) -> {
                    PutHead h = r.getHead();
                    PutCommand cmd = new PutCommand(ProtoMapper.bucket(h.getBucket()), h.getKey(),
                            ProtoMapper.http(h.getHttpMetadata()), h.getCustomMetadataMap(),
                            ProtoMapper.conditional(h.hasOnlyIf(), h.getOnlyIf()),
                            ProtoMapper.checksums(h.getExpected()), h.getStorageClass(), true);
                    return objects.put(cmd, body).map(result -> result.written()
                            ? PutResponse.newBuilder().setWritten(true)
                                    .setObject(ProtoMapper.object(result.object(), null)).build()
                            : PutResponse.newBuilder().setWritten(false).build());
                }, r -> r.getHead().getContentLength());
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<DeleteResponse> observer) {
        unary(observer, () -> objects.delete(ProtoMapper.bucket(request.getBucket()), request.getKeysList())
                .replaceWith(DeleteResponse.getDefaultInstance()));
    }

    @Override
    public void list(ListRequest request, StreamObserver<ListResponse> observer) {
        unary(observer, () -> {
            ListQuery query = new ListQuery(request.getPrefix(), request.getDelimiter(), request.getCursor(),
                    request.getStartAfter(), request.getLimit(), request.getIncludeHttpMetadata(),
                    request.getIncludeCustomMetadata());
            return objects.list(ProtoMapper.bucket(request.getBucket()), query).map(page -> {
                ListResponse.Builder b = ListResponse.newBuilder().setTruncated(page.truncated());
                page.objects().forEach(o -> b.addObjects(ProtoMapper.object(o, null)));
                b.addAllDelimitedPrefixes(page.delimitedPrefixes());
                if (page.cursor() != null) {
                    b.setCursor(page.cursor());
                }
                return b.build();
            });
        });
    }

    // ------------------------------------------------------------------ multipart

    @Override
    public void createMultipartUpload(CreateMultipartUploadRequest request, StreamObserver<MultipartUpload> observer) {
        unary(observer, () -> objects.createMultipartUpload(ProtoMapper.bucket(request.getBucket()), request.getKey(),
                ProtoMapper.http(request.getHttpMetadata()), request.getCustomMetadataMap(), request.getStorageClass())
                .map(id -> MultipartUpload.newBuilder().setKey(request.getKey()).setUploadId(id).build()));
    }

    @Override
    public StreamObserver<UploadPartRequest> uploadPart(StreamObserver<UploadedPart> observer) {
        ServerCallStreamObserver<UploadedPart> call = (ServerCallStreamObserver<UploadedPart>) observer;
        return new Upload<>(call, UploadPartRequest::hasHead, r -> r.getChunk().toByteArray(),
                (UploadPartRequest r, UploadBody body) -> {
                    UploadPartHead h = r.getHead();
                    return objects.uploadPart(ProtoMapper.bucket(h.getBucket()), h.getKey(), h.getUploadId(),
                            h.getPartNumber(), body, null)
                            .map(etag -> UploadedPart.newBuilder().setPartNumber(h.getPartNumber()).setEtag(etag)
                                    .build());
                }, r -> r.getHead().getContentLength());
    }

    @Override
    public void completeMultipartUpload(CompleteMultipartUploadRequest request, StreamObserver<R2Object> observer) {
        unary(observer, () -> {
            List<PartInfo> parts = new ArrayList<>();
            for (UploadedPart p : request.getPartsList()) {
                parts.add(new PartInfo(p.getPartNumber(), p.getEtag(), 0, 0));
            }
            return objects.completeMultipartUpload(ProtoMapper.bucket(request.getBucket()), request.getKey(),
                    request.getUploadId(), parts).map(o -> ProtoMapper.object(o, null));
        });
    }

    @Override
    public void abortMultipartUpload(AbortMultipartUploadRequest request, StreamObserver<DeleteResponse> observer) {
        unary(observer, () -> objects.abortMultipartUpload(ProtoMapper.bucket(request.getBucket()), request.getKey(),
                request.getUploadId()).replaceWith(DeleteResponse.getDefaultInstance()));
    }

    // ------------------------------------------------------------------ buckets

    @Override
    public void createBucket(CreateBucketRequest request, StreamObserver<Bucket> observer) {
        unary(observer, () -> buckets.create(ProtoMapper.bucket(request.getCaller(), request.getName(),
                request.getJurisdiction()), request.getLocationHint(), request.getStorageClass())
                .map(ProtoMapper::bucket));
    }

    @Override
    public void getBucket(BucketRef request, StreamObserver<Bucket> observer) {
        unary(observer, () -> buckets.get(ProtoMapper.bucket(request)).map(ProtoMapper::bucket));
    }

    @Override
    public void listBuckets(ListBucketsRequest request, StreamObserver<ListBucketsResponse> observer) {
        unary(observer, () -> buckets.list(ProtoMapper.bucket(request.getCaller(), "", ""), request.getPrefix(),
                request.getStartAfter(), request.getLimit()).map(page -> {
                    ListBucketsResponse.Builder b = ListBucketsResponse.newBuilder().setTruncated(page.truncated());
                    page.buckets().forEach(x -> b.addBuckets(ProtoMapper.bucket(x)));
                    return b.build();
                }));
    }

    @Override
    public void deleteBucket(BucketRef request, StreamObserver<DeleteResponse> observer) {
        unary(observer, () -> buckets.delete(ProtoMapper.bucket(request))
                .replaceWith(DeleteResponse.getDefaultInstance()));
    }

    // ------------------------------------------------------------------ plumbing

    private static <T> void unary(StreamObserver<T> observer, Supplier<Uni<? extends T>> action) {
        Context context = Vertx.currentContext();
        Uni.createFrom().<T>deferred(action).subscribe().with(
                item -> onContext(context, () -> {
                    observer.onNext(item);
                    observer.onCompleted();
                }),
                failure -> onContext(context, () -> observer.onError(GrpcErrors.toStatus(failure))));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** Starts the service call for an upload's head message, given the body that follows. */
    @FunctionalInterface
    interface UploadStart<Q, R> {
        Uni<R> start(Q head, UploadBody body);
    }

    /**
     * A client-streaming upload: the first message is the head, later ones body chunks. The answer
     * may come before the client finishes (a failed onlyIf); later chunks are then ignored.
     */
    private final class Upload<Q, R> implements StreamObserver<Q> {
        private final ServerCallStreamObserver<R> call;
        private final Context context;
        private final Function<Q, Boolean> isHead;
        private final Function<Q, byte[]> chunkOf;
        private final UploadStart<Q, R> starter;
        private final Function<Q, Long> lengthOf;
        private InboundBody body;
        private boolean answered;

        Upload(ServerCallStreamObserver<R> call, Function<Q, Boolean> isHead, Function<Q, byte[]> chunkOf,
                UploadStart<Q, R> starter, Function<Q, Long> lengthOf) {
            this.call = call;
            this.context = Vertx.currentContext();
            this.isHead = isHead;
            this.chunkOf = chunkOf;
            this.starter = starter;
            this.lengthOf = lengthOf;
            call.disableAutoRequest();
            call.request(1);
        }

        @Override
        public void onNext(Q message) {
            if (answered) {
                call.request(1);
                return;
            }
            if (body == null) {
                if (!isHead.apply(message)) {
                    answer(null, R2Error.INVALID_ARGUMENT.exception("The first message must be the head."));
                    return;
                }
                body = new InboundBody(call, context, lengthOf.apply(message), config.limits().uploadBufferBytes());
                Uni.createFrom().deferred(() -> starter.start(message, body.body()))
                        .subscribe().with(result -> onContext(context, () -> answer(result, null)),
                                failure -> onContext(context, () -> answer(null, failure)));
                call.request(1);
                return;
            }
            if (isHead.apply(message)) {
                body.fail(R2Error.INVALID_ARGUMENT.exception("Only the first message may be a head."));
                return;
            }
            body.chunk(chunkOf.apply(message));
        }

        @Override
        public void onError(Throwable t) {
            if (body != null) {
                body.fail(t);
            }
        }

        @Override
        public void onCompleted() {
            if (body == null) {
                answer(null, R2Error.INVALID_ARGUMENT.exception("The upload had no head message."));
                return;
            }
            body.end();
        }

        private void answer(R result, Throwable failure) {
            if (answered) {
                return;
            }
            answered = true;
            if (failure != null) {
                if (body != null) {
                    body.fail(failure);
                }
                call.onError(GrpcErrors.toStatus(failure));
            } else {
                call.onNext(result);
                call.onCompleted();
            }
        }
    }
}
