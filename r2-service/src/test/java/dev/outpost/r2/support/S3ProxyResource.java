package dev.outpost.r2.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * Starts a real S3-compatible server (S3Proxy, in-memory blob store, SigV4 auth) in the test JVM on a
 * random port; it stands in for MinIO as RECIPES.md describes.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BACKEND_KEY = "backend-access";
    public static final String BACKEND_SECRET = "backend-secret-key";

    private S3ProxyJunitCore proxy;

    @Override
    public Map<String, String> start() {
        proxy = new S3ProxyJunitCore.Builder()
                .withCredentials(BACKEND_KEY, BACKEND_SECRET)
                .withBlobStoreProvider("transient")
                .ignoreUnknownHeaders()
                .build();
        try {
            proxy.beforeEach();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        String endpoint = proxy.getUri().toString();
        System.setProperty("outpost.test.backend-endpoint", endpoint);
        return Map.of(
                "outpost.r2.s3.endpoint", endpoint,
                "outpost.r2.s3.access-key", BACKEND_KEY,
                "outpost.r2.s3.secret-key", BACKEND_SECRET);
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.afterEach();
        }
    }
}
