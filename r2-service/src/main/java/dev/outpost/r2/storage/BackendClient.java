package dev.outpost.r2.storage;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import io.minio.ListObjectsV2Response;
import io.minio.MinioAsyncClient;
import io.minio.S3Escaper;
import io.minio.Signer;
import io.minio.credentials.Credentials;
import io.minio.errors.ErrorResponseException;
import io.minio.http.HttpUtils;
import io.minio.http.Method;
import io.minio.messages.ErrorResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The MinIO Java client with the few calls Outpost needs that its public API does not offer:
 * raw HEAD/GET responses (all headers, body left unread for streaming) and uploads streamed from an
 * InputStream without buffering. The stock {@code putObject} holds each part (at least 5 MiB, a
 * whole object up to 5 GiB for single-part puts) in memory and turns objects larger than one part
 * into multipart uploads with "-N" ETags; here a PUT of known length is signed with
 * UNSIGNED-PAYLOAD and its body streamed. URLs, signing, credentials and the connection pool are
 * still the MinIO client's: its base URL and bucket URLs ({@code buildUrl}), credentials provider and OkHttp client
 * (connection pool, dispatcher, sockets); these two requests are signed by {@link BackendSigner}, which produces
 * what MinIO's {@link Signer} would, at a fraction of its per-request cost.
 */
final class BackendClient extends MinioAsyncClient {

    private final OkHttpClient noRetryClient;

    /** SHA-256 of an empty payload: what a GET signs. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final OkHttpClient bodyClient;
    private final BackendSigner signer = new BackendSigner();
    /** Bucket → the MinIO client's URL for it ({@code buildUrl}), to which object paths are appended. */
    private final Map<String, BucketUrl> bucketUrls = new java.util.concurrent.ConcurrentHashMap<>();

    /** A bucket's URL and the Host header for it (MinIO's {@code HttpUtils.getHostHeader} validates the host). */
    private record BucketUrl(HttpUrl url, String host) {
    }

    BackendClient(MinioAsyncClient configured) {
        super(configured);
        // A streamed body cannot be replayed, so the client must not silently retry it.
        this.noRetryClient = this.httpClient.newBuilder().retryOnConnectionFailure(false).build();
        // Object bodies: no per-read timeout. Okio enforces one by queueing every socket read (8 KiB) on its
        // watchdog thread and waking that thread, a few hundred wake-ups per MiB; BackendBodyStream's stall guard
        // takes its place. Same connection pool and dispatcher as the other calls.
        this.bodyClient = this.httpClient.newBuilder().readTimeout(java.time.Duration.ZERO).build();
    }

    /** An answered GET and the call behind it (to abort a stalled body). */
    record Answer(Call call, Response response) {
    }

    /**
     * GET of an object, signed by the MinIO client's signer; completes with the raw response (body unread) when the
     * backend answered 2xx, else fails as {@code executeAsync} would (ErrorResponseException with the S3 code).
     */
    CompletableFuture<Answer> getObject(String bucket, String object, Map<String, String> headers) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        try {
            BucketUrl base = bucketUrl(bucket);
            HttpUrl url = base.url().newBuilder().addEncodedPathSegments(S3Escaper.encodePath(object)).build();
            Credentials creds = this.provider == null ? null : this.provider.fetch();
            Request.Builder rb = new Request.Builder().url(url).get();
            headers.forEach(rb::addHeader);
            rb.header("Host", base.host());
            rb.header("Accept-Encoding", "identity");
            rb.header("x-amz-content-sha256", EMPTY_SHA256);
            rb.header("x-amz-date", signer.amzDate());
            Request request = rb.build();
            if (creds != null) {
                request = signer.sign(request, this.region, creds.accessKey(), creds.secretKey(), EMPTY_SHA256);
            }
            Call call = bodyClient.newCall(request);
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    result.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call c, Response response) {
                    if (response.isSuccessful()) {
                        result.complete(new Answer(c, response));
                        return;
                    }
                    result.completeExceptionally(errorOf(response, bucket, object));
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * The URL of an object: the MinIO client's URL of its bucket (built once per bucket by {@code buildUrl}, which
     * validates the name and parses the base URL) with the object's path appended the way {@code buildUrl} appends
     * it ({@link S3Escaper#encodePath}); {@code BackendClientUrlTest} checks both give the same URL.
     */
    HttpUrl objectUrl(String bucket, String object) throws Exception {
        return bucketUrl(bucket).url().newBuilder().addEncodedPathSegments(S3Escaper.encodePath(object)).build();
    }

    /** The Host header {@link #getObject} sends for an object of {@code bucket} (cached with the bucket's URL). */
    String hostHeader(String bucket) throws Exception {
        return bucketUrl(bucket).host();
    }

    private BucketUrl bucketUrl(String bucket) throws Exception {
        BucketUrl base = bucketUrls.get(bucket);
        if (base == null) {
            HttpUrl url = buildUrl(Method.GET, bucket, null, this.region, HashMultimap.create());
            base = new BucketUrl(url, HttpUtils.getHostHeader(url));
            if (bucketUrls.size() > 4096) {
                bucketUrls.clear();
            }
            bucketUrls.put(bucket, base);
        }
        return base;
    }

    /** The MinIO client's own URL for an object (what {@link #objectUrl} stands in for). */
    HttpUrl minioObjectUrl(String bucket, String object) throws Exception {
        return buildUrl(Method.GET, bucket, object, this.region, HashMultimap.create());
    }

    String backendRegion() {
        return this.region;
    }

    /** HEAD or GET (or DELETE) through the client's own error handling; the response body is unread. */
    CompletableFuture<Response> raw(Method method, String bucket, String object, Map<String, String> headers,
            Map<String, String> query) {
        try {
            Headers.Builder h = new Headers.Builder();
            headers.forEach(h::addUnsafeNonAscii);
            return executeAsync(method, bucket, object, this.region, h.build(), multimap(query), null, 0);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A streamed PUT of known length (PutObject or UploadPart); completes with the raw response. */
    CompletableFuture<Response> streamPut(String bucket, String object, Map<String, String> headers,
            Map<String, String> query, InputStream body, long length) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        try {
            HttpUrl url = buildUrl(Method.PUT, bucket, object, this.region, multimap(query));
            Credentials creds = this.provider == null ? null : this.provider.fetch();
            Request.Builder rb = new Request.Builder().url(url);
            headers.forEach(rb::addHeader);
            rb.header("Host", HttpUtils.getHostHeader(url));
            rb.header("Accept-Encoding", "identity");
            rb.header("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
            rb.header("x-amz-date", signer.amzDate());
            rb.put(new StreamingRequestBody(body, length));
            Request request = rb.build();
            if (creds != null) {
                request = signer.sign(request, this.region, creds.accessKey(), creds.secretKey(), "UNSIGNED-PAYLOAD");
            }
            noRetryClient.newCall(request).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    result.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                    if (response.isSuccessful()) {
                        result.complete(response);
                        return;
                    }
                    result.completeExceptionally(errorOf(response, bucket, object));
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    CompletableFuture<ListObjectsV2Response> listV2(String bucket, String prefix, String delimiter,
            String startAfter, int maxKeys) {
        try {
            return listObjectsV2Async(bucket, this.region, delimiter, "url", startAfter, maxKeys, prefix, null,
                    false, false, null, null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** DeleteObjects (quiet); completes with the keys the backend failed to delete. */
    CompletableFuture<java.util.List<String>> deleteMany(String bucket, java.util.List<io.minio.messages.DeleteObject> objects) {
        try {
            return deleteObjectsAsync(bucket, this.region, objects, true, false, null, null).thenApply(r -> {
                java.util.List<String> failed = new java.util.ArrayList<>();
                for (io.minio.messages.DeleteError e : r.result().errorList()) {
                    failed.add(e.objectName() + ": " + e.code());
                }
                return failed;
            });
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ErrorResponseException errorOf(Response response, String bucket, String object) {
        String xml = "";
        try (ResponseBody body = response.body()) {
            if (body != null) {
                xml = body.string();
            }
        } catch (IOException ignored) {
            // fall back to the status code below
        }
        ErrorResponse error = null;
        if (!xml.isEmpty()) {
            try {
                error = io.minio.Xml.unmarshal(ErrorResponse.class, xml);
            } catch (Exception ignored) {
                error = null;
            }
        }
        if (error == null || error.code() == null) {
            String code = switch (response.code()) {
                case 404 -> object != null ? "NoSuchKey" : "NoSuchBucket";
                case 412 -> "PreconditionFailed";
                case 403 -> "AccessDenied";
                default -> "InternalError";
            };
            error = new ErrorResponse(code, "HTTP " + response.code(), bucket, object, null, null, null);
        }
        return new ErrorResponseException(error, response, "");
    }

    private static Multimap<String, String> multimap(Map<String, String> map) {
        Multimap<String, String> m = HashMultimap.create();
        if (map != null) {
            map.forEach(m::put);
        }
        return m;
    }
}
