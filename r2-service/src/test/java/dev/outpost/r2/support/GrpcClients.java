package dev.outpost.r2.support;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.CreateBucketRequest;
import dev.outpost.contracts.r2.v1.R2ServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** A real gRPC client over a real socket to the service under test. */
public final class GrpcClients implements AutoCloseable {

    public final ManagedChannel channel;
    public final R2ServiceGrpc.R2ServiceBlockingStub blocking;
    public final R2ServiceGrpc.R2ServiceStub async;

    public GrpcClients(int port) {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(8 * 1024 * 1024).build();
        blocking = R2ServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        async = R2ServiceGrpc.newStub(channel);
    }

    public static Caller caller(String account) {
        return Caller.newBuilder().setAccountId(account).setScriptName("test").build();
    }

    public static BucketRef bucket(String account, String name) {
        return BucketRef.newBuilder().setCaller(caller(account)).setBucket(name).build();
    }

    public void createBucket(String account, String name) {
        R2ServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .createBucket(CreateBucketRequest.newBuilder().setCaller(caller(account)).setName(name).build());
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
