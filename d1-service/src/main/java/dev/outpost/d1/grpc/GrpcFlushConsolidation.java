package dev.outpost.d1.grpc;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One socket write per gRPC answer. Vert.x' HTTP/2 server flushes after every frame it writes outside a read:
 * a unary answer written from a task (as {@link GrpcAnswers} does, the query having run on a database thread)
 * left as three writes — headers, message, trailers — and each one can wake the caller's I/O thread. A
 * {@link FlushConsolidationHandler} at the head of each HTTP/2 connection's pipeline turns the flushes of one
 * event-loop task into one, done right after the task (flushes during a read were already merged).
 * <p>
 * Installed by a router filter on the first HTTP/2 request of a connection (gRPC shares the HTTP port, and
 * Quarkus offers no hook on the connection itself); HTTP/1.1 connections are left alone.
 */
@ApplicationScoped
public class GrpcFlushConsolidation {
    static final String HANDLER = "outpost-flush-consolidation";
    /** Flush at the latest after this many consolidated flushes (Netty's default), so long streams keep moving. */
    private static final int MAX_CONSOLIDATED = 256;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().version() == HttpVersion.HTTP_2 && rc.request().connection() instanceof ConnectionBase c) {
                ChannelPipeline pipeline = c.channel().pipeline();
                if (pipeline.get(HANDLER) == null) {
                    pipeline.addFirst(HANDLER, new FlushConsolidationHandler(MAX_CONSOLIDATED, true));
                }
            }
            rc.next();
        });
    }
}
