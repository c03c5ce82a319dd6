package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the S3 API at the root of the service's HTTP port through a plain Vert.x route (full
 * control over raw paths for SigV4 and over streaming bodies). It runs before the REST and gRPC
 * handlers and passes on what is theirs: gRPC calls (content type), and unsigned requests to
 * /q/* (health, metrics) and /client/v4/* (Cloudflare-style REST). A signed request is always S3,
 * so a bucket named "client" stays reachable for S3 clients.
 */
@ApplicationScoped
public class S3Route {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(S3Route.class);

    private final S3Api api;
    private final SigV4Verifier verifier;
    private final S3Credentials credentials;
    private final String virtualHostSuffix;
    private final S3Cors cors;

    public S3Route(S3Api api, SigV4Verifier verifier, S3Credentials credentials, R2Config config, S3Cors cors) {
        this.api = api;
        this.verifier = verifier;
        this.credentials = credentials;
        this.virtualHostSuffix = config.s3Api().virtualHostSuffix().orElse(null);
        this.cors = cors;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (!isS3(request)) {
                ctx.next();
                return;
            }
            request.pause();
            if (request.method() == io.vertx.core.http.HttpMethod.OPTIONS) {
                preflight(request); // browsers send CORS preflights without credentials
                return;
            }
            resolveCredentials(request);
        });
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    void onStart(@Observes StartupEvent event) {
        // eager bean: the route must exist before the first request
    }

    static boolean isS3(HttpServerRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/grpc")) {
            return false;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String query = q < 0 ? null : uri.substring(q + 1);
        if (SigV4Verifier.hasAwsAuth(request.getHeader("Authorization"), query)) {
            return true;
        }
        String path = request.path();
        return !(path.equals("/q") || path.startsWith("/q/") || path.startsWith("/client/v4"));
    }

    /**
     * Token key pairs live in the control plane: look the request's access key up first (a gateway call on a
     * cache miss, the request paused meanwhile), then handle it on this event loop.
     */
    private void resolveCredentials(HttpServerRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String keyId = SigV4Verifier.accessKeyId(request.getHeader("Authorization"), q < 0 ? null : uri.substring(q + 1));
        if (keyId == null) {
            handle(request);
            return;
        }
        Context context = Vertx.currentContext();
        credentials.resolve(keyId).subscribe().with(
                ok -> onContext(context, () -> handle(request)),
                failure -> onContext(context, () -> {
                    S3Exchange x;
                    try {
                        x = new S3Exchange(request, virtualHostSuffix);
                    } catch (RuntimeException e) {
                        request.resume();
                        request.response().setStatusCode(503).end();
                        return;
                    }
                    x.sendError(failure);
                }));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** The request as an S3 exchange, or null after answering 400 when it cannot be read as one. */
    private S3Exchange exchange(HttpServerRequest request) {
        try {
            return new S3Exchange(request, virtualHostSuffix);
        } catch (RuntimeException e) {
            request.resume();
            request.response().setStatusCode(400).end();
            return null;
        }
    }

    private void preflight(HttpServerRequest request) {
        S3Exchange x = exchange(request);
        if (x == null) {
            return;
        }
        try {
            cors.preflight(x).subscribe().with(v -> {
            }, x::sendError);
        } catch (RuntimeException e) {
            x.sendError(e);
        }
    }

    private void handle(HttpServerRequest request) {
        S3Exchange x = exchange(request);
        if (x == null) {
            return;
        }
        try {
            MultiMap headers = request.headers();
            if (headers.get("host") == null && request.authority() != null) {
                // HTTP/2 carries the host as :authority; SigV4 signs it as "host"
                headers = MultiMap.caseInsensitiveMultiMap().addAll(headers).add("host", request.authority().toString());
            }
            x.auth = verifier.verify(request.method().name(), x.rawPath, x.rawQuery, headers);
            if (!x.auth.principal().canWrite() && !isRead(request.method().name())) {
                throw R2Error.ACCESS_DENIED.exception("Access Denied: this access key's token may only read.");
            }
            if (LOG.isDebugEnabled()) {
                LOG.debugf("S3 %s %s payload=%s presigned=%s", request.method(), x.rawPath, x.auth.payloadHash(),
                        x.auth.presigned());
            }
            if (x.bucket != null && !dev.outpost.r2.storage.BackendNames.isValidBucketName(x.bucket)
                    && !(request.method().name().equals("PUT") && x.key == null)) {
                throw R2Error.NO_SUCH_BUCKET.exception();
            }
            // a browser's request: S3's Access-Control-* headers first (errors keep them), when the bucket allows it
            Uni<Void> done = request.getHeader("Origin") != null && x.bucket != null
                    ? cors.decorate(x, x.bucketRef()).chain(() -> api.dispatch(x))
                    : api.dispatch(x);
            done.subscribe().with(v -> {
            }, x::sendError);
        } catch (RuntimeException e) {
            x.sendError(e);
        }
    }
}
