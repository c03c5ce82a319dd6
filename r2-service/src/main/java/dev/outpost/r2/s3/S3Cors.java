package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.storage.ObjectStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket CORS for browser clients (R2-10 Get/Put/DeleteBucketCors): the configuration is kept in the catalog
 * bucket (setting "cors"), cached for a few seconds per bucket; preflight OPTIONS requests are answered from it
 * and requests carrying an Origin get S3's Access-Control-* headers when a rule allows them. Preflights carry no
 * credentials: they are judged for the buckets of the account of the static key pair
 * ({@code outpost.r2.s3-api.account-id}, the local account).
 */
@ApplicationScoped
public class S3Cors {

    private static final String SETTING = "cors";
    private static final long CACHE_MILLIS = 5_000;

    private record Cached(Optional<CorsRules> rules, long until) {
    }

    private final ObjectStore store;
    private final String preflightAccount;
    private final Map<BucketRef, Cached> cache = new ConcurrentHashMap<>();

    public S3Cors(ObjectStore store, R2Config config) {
        this.store = store;
        this.preflightAccount = config.s3Api().accountId();
    }

    public Uni<Optional<CorsRules>> rules(BucketRef bucket) {
        Cached c = cache.get(bucket);
        if (c != null && c.until() > System.currentTimeMillis()) {
            return Uni.createFrom().item(c.rules());
        }
        return store.getSetting(bucket, SETTING).map(found -> {
            Optional<CorsRules> rules = found.map(CorsRules::parse);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(bucket, new Cached(rules, System.currentTimeMillis() + CACHE_MILLIS));
            return rules;
        });
    }

    public Uni<Void> put(BucketRef bucket, CorsRules rules) {
        cache.remove(bucket);
        return store.putSetting(bucket, SETTING, rules.toXml().getBytes(StandardCharsets.UTF_8))
                .invoke(() -> cache.remove(bucket));
    }

    public Uni<Void> delete(BucketRef bucket) {
        cache.remove(bucket);
        return store.deleteSetting(bucket, SETTING).invoke(() -> cache.remove(bucket));
    }

    /** OPTIONS /bucket[/key]: the preflight answer, or AccessForbidden / a 400 when it cannot be judged. */
    Uni<Void> preflight(S3Exchange x) {
        String origin = x.header("Origin");
        String method = x.header("Access-Control-Request-Method");
        if (x.bucket == null || origin == null || method == null) {
            throw R2Error.INVALID_REQUEST.exception("Insufficient information. Origin request header needed.");
        }
        List<String> requested = new ArrayList<>();
        String headers = x.header("Access-Control-Request-Headers");
        if (headers != null) {
            for (String h : headers.split(",")) {
                if (!h.isBlank()) {
                    requested.add(h.trim());
                }
            }
        }
        return rules(new BucketRef(preflightAccount, x.bucket, "")).invoke(found -> {
            CorsRules rules = found.orElseThrow(() -> R2Error.CORS_FORBIDDEN.exception(
                    "CORSResponse: CORS is not enabled for this bucket."));
            CorsRules.Rule rule = rules.match(origin, method, requested);
            if (rule == null) {
                throw R2Error.CORS_FORBIDDEN.exception("CORSResponse: This CORS request is not allowed. The Origin, "
                        + "Access-Control-Request-Method or Access-Control-Request-Headers are not allowed by the "
                        + "bucket's CORS configuration.");
            }
            allow(x.response, rule, origin);
            x.response.putHeader("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
            if (!requested.isEmpty()) {
                x.response.putHeader("Access-Control-Allow-Headers", String.join(", ", requested));
            }
            if (rule.maxAgeSeconds() != null) {
                x.response.putHeader("Access-Control-Max-Age", Integer.toString(rule.maxAgeSeconds()));
            }
            x.sendEmpty(200);
        }).replaceWithVoid();
    }

    /** A request with an Origin: the Access-Control-* headers of the rule allowing it, if any (errors keep them). */
    Uni<Void> decorate(S3Exchange x, BucketRef bucket) {
        String origin = x.header("Origin");
        return rules(bucket).invoke(found -> found.map(r -> r.match(origin, x.method().name(), List.of()))
                .ifPresent(rule -> allow(x.response, rule, origin))).replaceWithVoid();
    }

    private static void allow(HttpServerResponse response, CorsRules.Rule rule, String origin) {
        if (rule.origins().contains("*")) {
            response.putHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.putHeader("Access-Control-Allow-Origin", origin);
            response.putHeader("Access-Control-Allow-Credentials", "true");
        }
        if (!rule.exposeHeaders().isEmpty()) {
            response.putHeader("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        response.putHeader("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    }
}
