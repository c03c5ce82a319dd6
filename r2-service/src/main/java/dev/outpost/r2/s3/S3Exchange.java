package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.service.UploadBody;
import dev.outpost.r2.stream.BodyPipe;
import dev.outpost.r2.stream.VerifyingInputStream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One S3 request and its response: the parsed address (bucket, literal key, query), the verified
 * caller, and the streaming plumbing between Vert.x and the service (request bodies into a
 * {@link BodyPipe}, response bodies out with write-queue backpressure). All methods run on the
 * request's Vert.x context unless noted.
 */
public final class S3Exchange {

    private static final Logger LOG = Logger.getLogger(S3Exchange.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_XML_BODY = 8L * 1024 * 1024;
    /** Chunks a download may read ahead of the client (besides what the response's write queue holds). */
    private static final int BODY_CHUNKS_AHEAD = 2;
    private static final String[] CHECKSUM_ALGORITHMS = {"crc32", "crc32c", "crc64nvme", "sha1", "sha256"};

    final HttpServerRequest request;
    final HttpServerResponse response;
    final Context context;
    final String requestId;
    final String rawPath;
    final String rawQuery;
    final String bucket;
    final String key;
    final Map<String, String> query = new LinkedHashMap<>();
    SigV4Auth auth;
    private boolean bodyTaken;
    /** The aws-chunked decoder of the request body, if any (its verified trailing checksum is echoed). */
    private AwsChunkedInputStream chunked;

    S3Exchange(HttpServerRequest request, String virtualHostSuffix) {
        this.request = request;
        this.response = request.response();
        this.context = Vertx.currentContext();
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        this.requestId = HexFormat.of().withUpperCase().formatHex(id);
        String uri = request.uri();
        int q = uri.indexOf('?');
        this.rawPath = q < 0 ? uri : uri.substring(0, q);
        this.rawQuery = q < 0 ? "" : uri.substring(q + 1);
        for (String[] p : SigV4Verifier.parseQuery(rawQuery)) {
            query.putIfAbsent(p[0], p[1]);
        }
        String hostBucket = virtualHostBucket(request.getHeader("Host"), virtualHostSuffix);
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (hostBucket != null) {
            this.bucket = hostBucket;
            this.key = path.isEmpty() ? null : AwsUri.decode(path);
        } else {
            int slash = path.indexOf('/');
            String b = slash < 0 ? path : path.substring(0, slash);
            String k = slash < 0 ? "" : path.substring(slash + 1);
            this.bucket = b.isEmpty() ? null : AwsUri.decode(b);
            this.key = k.isEmpty() ? null : AwsUri.decode(k);
        }
        response.putHeader("x-amz-request-id", requestId);
        response.putHeader("Server", "Outpost-R2");
        response.putHeader("Date", ZonedDateTime.now(ZoneOffset.UTC).format(
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
    }

    private static String virtualHostBucket(String host, String suffix) {
        if (host == null || suffix == null || suffix.isEmpty()) {
            return null;
        }
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        String tail = "." + suffix;
        if (h.endsWith(tail) && h.length() > tail.length()) {
            return h.substring(0, h.length() - tail.length());
        }
        return null;
    }

    HttpMethod method() {
        return request.method();
    }

    MultiMap headers() {
        return request.headers();
    }

    String header(String name) {
        return request.getHeader(name);
    }

    boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    String queryParam(String name) {
        return query.get(name);
    }

    BucketRef bucketRef() {
        return new BucketRef(auth.principal().accountId(), bucket, "");
    }

    BucketRef bucketRef(String name) {
        return new BucketRef(auth.principal().accountId(), name, "");
    }

    // ------------------------------------------------------------------ request bodies

    /** The declared length of the object in the body: decoded length for aws-chunked, else Content-Length. */
    long declaredLength() {
        String header = auth.isStreaming() ? header("x-amz-decoded-content-length") : header("Content-Length");
        if (header == null) {
            if (auth.isStreaming()) {
                throw R2Error.INVALID_REQUEST.exception("x-amz-decoded-content-length is required for aws-chunked bodies.");
            }
            return -1;
        }
        try {
            long n = Long.parseLong(header.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw R2Error.INVALID_ARGUMENT.exception("The content length is not a valid number.");
        }
    }

    /**
     * Starts streaming the request body into a pipe and returns it decoded (aws-chunked) and checked
     * (declared length, signed payload hash) as an upload body for the service.
     */
    UploadBody uploadBody(int bufferBytes) {
        long length = declaredLength();
        BodyPipe pipe = new BodyPipe(bufferBytes);
        bodyTaken = true;
        pipe.onDrain(() -> context.runOnContext(v -> request.resume()));
        request.handler(buf -> {
            if (!pipe.offer(buf.getBytes())) {
                request.pause();
            }
        });
        request.endHandler(v -> pipe.end());
        request.exceptionHandler(pipe::fail);
        response.closeHandler(v -> pipe.fail(new IOException("client connection closed")));
        continueIfExpected();
        request.resume();
        return new UploadBody(decode(pipe.input(), length), length, pipe::abort);
    }

    private InputStream decode(InputStream raw, long length) {
        InputStream in = raw;
        List<VerifyingInputStream.Expectation> checks = new ArrayList<>();
        if (auth.isStreaming()) {
            chunked = new AwsChunkedInputStream(in, auth, header("x-amz-trailer"));
            in = chunked;
        } else if (auth.isSignedHexPayload()) {
            checks.add(new VerifyingInputStream.Expectation("SHA-256", HexFormat.of().parseHex(auth.payloadHash()),
                    R2Error.CONTENT_SHA256_MISMATCH));
        }
        for (String algorithm : CHECKSUM_ALGORITHMS) {
            String value = header("x-amz-checksum-" + algorithm);
            if (value != null) {
                byte[] expected;
                try {
                    expected = java.util.Base64.getDecoder().decode(value.trim());
                } catch (IllegalArgumentException e) {
                    throw R2Error.INVALID_DIGEST.exception("x-amz-checksum-" + algorithm + " is not valid base64.");
                }
                checks.add(new VerifyingInputStream.Expectation(algorithm, expected, R2Error.BAD_DIGEST));
            }
        }
        return new VerifyingInputStream(in, length, checks);
    }

    /**
     * After an upload: the flexible checksums of the body as S3 echoes them on PutObject / UploadPart — those sent
     * as headers and a trailing one (all verified against the body by then).
     */
    void echoChecksums() {
        for (String algorithm : CHECKSUM_ALGORITHMS) {
            String value = header("x-amz-checksum-" + algorithm);
            if (value != null) {
                response.putHeader("x-amz-checksum-" + algorithm, value.trim());
            }
        }
        if (chunked != null && chunked.verifiedTrailerValue() != null) {
            response.putHeader(chunked.trailerName(), chunked.verifiedTrailerValue());
        }
    }

    /** Reads a small (XML) body whole, decoded and checked. */
    Uni<byte[]> smallBody() {
        bodyTaken = true;
        return Uni.createFrom().<byte[]>emitter(emitter -> {
            Buffer acc = Buffer.buffer();
            request.handler(buf -> {
                if (acc.length() + buf.length() > MAX_XML_BODY) {
                    request.handler(b -> {
                    });
                    emitter.fail(R2Error.INVALID_REQUEST.exception("The request body is too large."));
                    return;
                }
                acc.appendBuffer(buf);
            });
            request.exceptionHandler(emitter::fail);
            request.endHandler(v -> emitter.complete(acc.getBytes()));
            continueIfExpected();
            request.resume();
        }).map(bytes -> {
            long length = auth.isStreaming() ? declaredLength() : bytes.length;
            try (InputStream in = decode(new ByteArrayInputStream(bytes), length)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw dev.outpost.r2.stream.BodyRejectedException.find(e) != null
                        ? dev.outpost.r2.stream.BodyRejectedException.find(e)
                        : R2Error.INVALID_REQUEST.exception("The request body could not be read.");
            }
        });
    }

    /**
     * Clients that sent "Expect: 100-continue" (the AWS SDKs do for uploads) wait for it before the
     * body; without it they stall for their continue timeout. Sent only once the body is wanted, so
     * requests refused earlier (bad signature, missing bucket) never transfer their body.
     */
    private void continueIfExpected() {
        String expect = request.getHeader("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && !response.headWritten()) {
            response.writeContinue();
        }
    }

    /** Lets an unused body flow past so the connection stays usable. */
    void discardBody() {
        if (bodyTaken) {
            return;
        }
        bodyTaken = true;
        request.handler(b -> {
        });
        request.exceptionHandler(t -> {
        });
        request.endHandler(v -> {
        });
        request.resume();
    }

    // ------------------------------------------------------------------ responses

    void sendXml(int status, String xml) {
        discardBody();
        response.setStatusCode(status).putHeader("Content-Type", "application/xml").end(xml);
    }

    void sendEmpty(int status) {
        discardBody();
        response.setStatusCode(status).end();
    }

    /**
     * Streams an object body from the backend with backpressure (see {@link ResponseBodyPump}); the
     * stream is closed when done, failed or abandoned; {@code length} is the Content-Length sent. The backend's answer normally arrives on one of
     * the HTTP client's threads, which may block: the body is read right there, saving a thread hop
     * per request. Only on an event loop does the read move to {@code blockingExecutor}.
     */
    void sendBody(InputStream body, long length, java.util.concurrent.Executor blockingExecutor, int chunkBytes) {
        discardBody();
        java.util.concurrent.Executor executor = Context.isOnEventLoopThread() ? blockingExecutor : Runnable::run;
        new ResponseBodyPump(body, length, request, context, chunkBytes, BODY_CHUNKS_AHEAD, requestId).start(executor);
    }

    void sendError(Throwable failure) {
        R2Exception e = R2Exception.of(failure);
        if (e.error() == R2Error.INTERNAL_ERROR && !(unwrap(failure) instanceof R2Exception)) {
            LOG.errorf(failure, "S3 request %s failed", requestId);
        }
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        discardBody();
        int status = e.error().httpStatus();
        response.setStatusCode(status);
        if (status == 304 || request.method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        String resource = rawPath;
        String xml = S3Xml.plainDocument("Error")
                .element("Code", e.error().s3Code())
                .element("Message", e.getMessage())
                .element("Resource", safeDecode(resource))
                .element("RequestId", requestId)
                .finish();
        response.putHeader("Content-Type", "application/xml").end(xml);
    }

    private static String safeDecode(String path) {
        try {
            return AwsUri.decode(path);
        } catch (R2Exception e) {
            return path;
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
