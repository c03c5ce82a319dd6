package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.service.BucketService;
import dev.outpost.r2.service.ObjectService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The S3 sub-resources R2 has no notion of (R2-10 "not supported": ACLs, policies, tagging; lifecycle and
 * encryption configuration here), and bucket CORS (kept by {@link S3Cors}). Real clients probe them routinely — s3cmd info, the AWS CLI's copy of tags,
 * Terraform's bucket refresh — and S3 itself answers an unconfigured bucket with "no such configuration", so the
 * reads answer exactly that (an empty tag set, the owner-only ACL every object here has, 404
 * NoSuchCORSConfiguration ...), deletes of what cannot exist succeed, and attempts to set anything answer
 * NotImplemented. Always in S3 XML, never a 500; the bucket (and object) must exist first, as on S3.
 */
@ApplicationScoped
public class S3Subresources {

    /** Bucket sub-resources that are plainly unsupported, whatever the method. */
    private static final String[] UNSUPPORTED_BUCKET = {"website", "replication", "logging", "notification",
        "object-lock", "requestPayment", "accelerate", "analytics", "inventory", "metrics", "intelligent-tiering",
        "ownershipControls", "publicAccessBlock"};
    private static final String[] UNSUPPORTED_OBJECT = {"retention", "legal-hold", "torrent", "restore", "select",
        "attributes"};
    /** Configuration sub-resources: GET answers "not configured" with this error; DELETE succeeds. */
    private static final Map<String, R2Error> NOT_CONFIGURED = Map.of(
            "tagging", R2Error.NO_SUCH_TAG_SET,
            "lifecycle", R2Error.NO_SUCH_LIFECYCLE_CONFIGURATION,
            "policy", R2Error.NO_SUCH_BUCKET_POLICY,
            "encryption", R2Error.NO_ENCRYPTION_CONFIGURATION);

    private final BucketService buckets;
    private final ObjectService objects;
    private final S3Cors cors;

    public S3Subresources(BucketService buckets, ObjectService objects, S3Cors cors) {
        this.buckets = buckets;
        this.objects = objects;
        this.cors = cors;
    }

    /** The answer to a bucket request naming one of these sub-resources, or null when it names none. */
    Uni<Void> bucket(S3Exchange x, HttpMethod m) {
        for (String unsupported : UNSUPPORTED_BUCKET) {
            if (x.hasQuery(unsupported)) {
                throw R2Error.NOT_IMPLEMENTED.exception();
            }
        }
        if (x.hasQuery("acl")) {
            return m == HttpMethod.GET ? buckets.requireExists(x.bucketRef()).invoke(() -> sendOwnerAcl(x))
                    : notImplemented();
        }
        if (x.hasQuery("cors")) {
            return corsConfiguration(x, m);
        }
        for (Map.Entry<String, R2Error> e : NOT_CONFIGURED.entrySet()) {
            if (x.hasQuery(e.getKey())) {
                if (m == HttpMethod.GET) {
                    return buckets.requireExists(x.bucketRef()).invoke(() -> {
                        throw e.getValue().exception();
                    });
                }
                if (m == HttpMethod.DELETE) {
                    return buckets.requireExists(x.bucketRef()).invoke(() -> x.sendEmpty(204));
                }
                return notImplemented();
            }
        }
        return null;
    }

    /** Get/Put/DeleteBucketCors: the one bucket setting kept (see {@link S3Cors}). */
    private Uni<Void> corsConfiguration(S3Exchange x, HttpMethod m) {
        var bucket = x.bucketRef();
        if (m == HttpMethod.GET) {
            return buckets.requireExists(bucket).chain(() -> cors.rules(bucket)).invoke(found -> x.sendXml(200, found
                    .orElseThrow(R2Error.NO_SUCH_CORS_CONFIGURATION::exception).toXml())).replaceWithVoid();
        }
        if (m == HttpMethod.PUT) {
            return buckets.requireExists(bucket).chain(() -> x.smallBody())
                    .chain(body -> cors.put(bucket, CorsRules.parse(body))).invoke(() -> x.sendEmpty(200));
        }
        if (m == HttpMethod.DELETE) {
            return buckets.requireExists(bucket).chain(() -> cors.delete(bucket)).invoke(() -> x.sendEmpty(204));
        }
        return notImplemented();
    }

    /** The answer to an object request naming one of these sub-resources, or null when it names none. */
    Uni<Void> object(S3Exchange x, HttpMethod m) {
        for (String unsupported : UNSUPPORTED_OBJECT) {
            if (x.hasQuery(unsupported)) {
                throw R2Error.NOT_IMPLEMENTED.exception();
            }
        }
        if (x.hasQuery("acl")) {
            return m == HttpMethod.GET ? requireObject(x).invoke(() -> sendOwnerAcl(x)) : notImplemented();
        }
        if (x.hasQuery("tagging")) {
            if (m == HttpMethod.GET) {
                return requireObject(x).invoke(() -> x.sendXml(200, S3Xml.document("Tagging").start("TagSet").end()
                        .finish()));
            }
            if (m == HttpMethod.DELETE) {
                return requireObject(x).invoke(() -> x.sendEmpty(204));
            }
            return notImplemented();
        }
        return null;
    }

    private Uni<Void> requireObject(S3Exchange x) {
        return objects.head(x.bucketRef(), x.key).chain(found -> found.isPresent() ? Uni.createFrom().voidItem()
                : buckets.requireExists(x.bucketRef()).invoke(() -> {
                    throw R2Error.NO_SUCH_KEY.exception();
                }));
    }

    private static Uni<Void> notImplemented() {
        return Uni.createFrom().failure(R2Error.NOT_IMPLEMENTED.exception());
    }

    /** The only ACL anything here has: the account owns it, with full control. */
    private static void sendOwnerAcl(S3Exchange x) {
        String owner = x.auth.principal().accountId();
        x.sendXml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AccessControlPolicy xmlns=\"" + S3Xml.NS
                + "\"><Owner><ID>" + owner + "</ID><DisplayName>" + owner + "</DisplayName></Owner>"
                + "<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:type=\"CanonicalUser\"><ID>" + owner + "</ID><DisplayName>" + owner + "</DisplayName></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>");
    }
}
