package dev.outpost.d1.placement;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.ListDatabasesResponse;
import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.DatabaseInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * gRPC clients to the other shards, used only for account-wide answers that no single shard has:
 * listing an account's databases and checking a new name is not taken on another shard. Data
 * calls are never forwarded: callers go to the owner.
 */
@ApplicationScoped
public class PeerShards {

    private static final int FAN_OUT_PAGE = 10_000;

    private final ShardPlacement placement;
    private final Map<Integer, ManagedChannel> channels = new ConcurrentHashMap<>();

    public PeerShards(ShardPlacement placement) {
        this.placement = placement;
    }

    public boolean hasPeers() {
        return placement.shards().size() > 1;
    }

    /** Blocking: every database of the account on the other shards (name filter applied there). */
    public List<DatabaseInfo> listOthers(String accountId, String nameFilter) {
        List<DatabaseInfo> out = new ArrayList<>();
        for (int i = 0; i < placement.shards().size(); i++) {
            if (i == placement.selfIndex()) {
                continue;
            }
            String address = placement.shards().get(i);
            try {
                ListDatabasesResponse r = D1ServiceGrpc.newBlockingStub(channel(i))
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .listDatabases(ListDatabasesRequest.newBuilder()
                                .setCaller(Caller.newBuilder().setAccountId(accountId))
                                .setName(nameFilter == null ? "" : nameFilter)
                                .setPage(1).setPerPage(FAN_OUT_PAGE).setLocalOnly(true).build());
                for (Database d : r.getDatabasesList()) {
                    out.add(new DatabaseInfo(d.getUuid(), d.getName(), accountId, d.getCreatedAtMs(), d.getFileSize(),
                            null, d.getRunningInRegion(), null, null));
                }
            } catch (StatusRuntimeException e) {
                throw new D1Exception(D1ErrorCode.SHARD_UNAVAILABLE, "D1 shard " + address + " did not answer ("
                        + e.getStatus().getCode() + "); the account-wide answer is unavailable", e);
            }
        }
        return out;
    }

    private ManagedChannel channel(int index) {
        return channels.computeIfAbsent(index, i -> ManagedChannelBuilder.forTarget(placement.shards().get(i))
                .usePlaintext().build());
    }

    @PreDestroy
    void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
    }
}
