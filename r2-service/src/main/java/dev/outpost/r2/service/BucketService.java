package dev.outpost.r2.service;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import dev.outpost.r2.model.BucketInfo;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.storage.BackendNames;
import dev.outpost.r2.storage.CatalogPage;
import dev.outpost.r2.storage.MetadataCodec;
import dev.outpost.r2.storage.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Buckets per account (API-7, R2-9 names). The backend bucket is the source of truth for existence
 * and emptiness; the catalog records names and creation details so an account's buckets can be
 * listed without scanning every backend bucket.
 */
@ApplicationScoped
public class BucketService {

    private final ObjectStore store;

    public BucketService(ObjectStore store) {
        this.store = store;
    }

    public Uni<BucketInfo> create(BucketRef ref, String locationHint, String storageClass) {
        return Uni.createFrom().deferred(() -> {
            checkName(ref.name());
            BucketInfo info = new BucketInfo(ref.name(), MetadataCodec.truncateToSeconds(System.currentTimeMillis()),
                    locationHint == null || locationHint.isBlank() ? "WNAM" : locationHint.toUpperCase(Locale.ROOT),
                    ObjectService.storageClass(storageClass), ref.jurisdiction().isEmpty() ? "default" : ref.jurisdiction());
            return store.makeBucket(ref)
                    .onFailure(f -> f instanceof R2Exception r && r.error() == R2Error.BUCKET_ALREADY_EXISTS)
                    .recoverWithUni(f -> store.getCatalog(ref).map(existing -> {
                        if (existing.isPresent()) {
                            throw R2Error.BUCKET_ALREADY_EXISTS.exception();
                        }
                        return null; // backend bucket without catalog entry: an earlier create half-failed; repair
                    }))
                    .chain(() -> store.putCatalog(ref, info))
                    .replaceWith(info);
        });
    }

    public Uni<BucketInfo> get(BucketRef ref) {
        return Uni.createFrom().deferred(() -> {
            checkName(ref.name());
            return store.getCatalog(ref).chain(found -> {
                if (found.isPresent()) {
                    return Uni.createFrom().item(found.get());
                }
                return store.bucketExists(ref).map(exists -> {
                    if (!exists) {
                        throw R2Error.NO_SUCH_BUCKET.exception();
                    }
                    return new BucketInfo(ref.name(), 0, "WNAM", "Standard", "default");
                });
            });
        });
    }

    /** Checks the bucket exists (for S3 HeadBucket). */
    public Uni<Void> requireExists(BucketRef ref) {
        return Uni.createFrom().deferred(() -> {
            if (!BackendNames.isValidBucketName(ref.name())) {
                throw R2Error.NO_SUCH_BUCKET.exception();
            }
            return store.bucketExists(ref).map(exists -> {
                if (!exists) {
                    throw R2Error.NO_SUCH_BUCKET.exception();
                }
                return null;
            });
        });
    }

    public Uni<CatalogPage> list(BucketRef scope, String prefix, String startAfter, int limit) {
        int max = limit <= 0 ? 1000 : Math.min(limit, 1000);
        return store.listCatalog(scope, prefix == null ? "" : prefix, startAfter, max);
    }

    public Uni<Void> delete(BucketRef ref) {
        return Uni.createFrom().deferred(() -> {
            checkName(ref.name());
            return store.removeBucket(ref)
                    .onFailure(f -> f instanceof R2Exception r && r.error() == R2Error.NO_SUCH_BUCKET)
                    .recoverWithUni(f -> store.getCatalog(ref).map(found -> {
                        if (found.isEmpty()) {
                            throw R2Error.NO_SUCH_BUCKET.exception();
                        }
                        return null; // catalog entry left behind by a half-finished delete: finish it
                    }))
                    .chain(() -> store.deleteCatalog(ref));
        });
    }

    private static void checkName(String name) {
        if (!BackendNames.isValidBucketName(name)) {
            throw R2Error.INVALID_BUCKET_NAME.exception("The specified bucket name is not valid: bucket names must "
                    + "be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a "
                    + "letter or digit.");
        }
    }
}
