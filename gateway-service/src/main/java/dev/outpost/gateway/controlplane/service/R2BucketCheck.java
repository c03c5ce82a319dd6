package dev.outpost.gateway.controlplane.service;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.gateway.bindings.r2.R2Clients;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import io.grpc.Status;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** R2-1: an {@code r2_bucket} binding names a bucket that exists in the uploading account. */
@ApplicationScoped
public class R2BucketCheck {
    private final R2Clients r2;

    public R2BucketCheck(R2Clients r2) {
        this.r2 = r2;
    }

    public Uni<Void> exists(String accountId, BindingSpec binding) {
        String bucket = binding.text("bucket_name");
        if (bucket == null || bucket.isBlank()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "R2 binding '" + binding.name() + "' needs a bucket_name");
        }
        BucketRef.Builder ref = BucketRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId))
                .setBucket(bucket);
        String jurisdiction = binding.text("jurisdiction");
        if (jurisdiction != null) {
            ref.setJurisdiction(jurisdiction);
        }
        return r2.unary().getBucket(ref.build()).replaceWithVoid()
                .onFailure(f -> {
                    Status.Code code = Status.fromThrowable(f).getCode();
                    return code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT;
                })
                .transform(f -> new ApiException(ApiError.BINDING_TARGET_MISSING,
                        "R2 bucket '" + bucket + "' of binding '" + binding.name() + "' does not exist"));
    }
}
