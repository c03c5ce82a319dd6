package dev.outpost.gateway.bindings.r2;

import dev.outpost.contracts.r2.v1.R2Service;
import dev.outpost.contracts.r2.v1.R2ServiceGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's clients of r2-service ({@code quarkus.grpc.clients.r2.*}): the Mutiny client for unary calls and a
 * plain async stub on the same channel for the streaming ones, whose manual flow control keeps a body moving one
 * chunk at a time (the Mutiny streams buffer without bound when the reader is slower than the network).
 */
@ApplicationScoped
public class R2Clients {
    private final R2Service unary;
    private final R2ServiceGrpc.R2ServiceStub streams;

    public R2Clients(@GrpcClient("r2") R2Service unary, @GrpcClient("r2") Channel channel) {
        this.unary = unary;
        this.streams = R2ServiceGrpc.newStub(channel);
    }

    public R2Service unary() {
        return unary;
    }

    public R2ServiceGrpc.R2ServiceStub streams() {
        return streams;
    }
}
