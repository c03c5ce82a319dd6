package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the S3 API, header and presigned-URL forms. The canonical request is
 * rebuilt from what arrived: the path percent-decoded and re-encoded per segment (S3 does not
 * normalise), the query decoded, re-encoded and sorted, the signed headers trimmed and joined.
 * Any region in the credential scope is accepted (R2 clients use "auto" or "us-east-1").
 */
@ApplicationScoped
public class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final long MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

    private final S3Credentials credentials;
    private final Duration maxSkew;
    private final Clock clock;

    @jakarta.inject.Inject
    public SigV4Verifier(S3Credentials credentials, R2Config config) {
        this(credentials, Duration.ofSeconds(config.s3Api().maxClockSkewSeconds()), Clock.systemUTC());
    }

    SigV4Verifier(S3Credentials credentials, Duration maxSkew, Clock clock) {
        this.credentials = credentials;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** Does the request carry SigV4 (or any AWS) credentials at all? */
    public static boolean hasAwsAuth(String authorization, String rawQuery) {
        return (authorization != null && authorization.startsWith("AWS"))
                || (rawQuery != null && (rawQuery.contains("X-Amz-Signature=") || rawQuery.contains("X-Amz-Credential=")
                        || rawQuery.contains("AWSAccessKeyId=")));
    }

    /** The access key id a SigV4 request names (header or presigned URL), or null when it names none. */
    public static String accessKeyId(String authorization, String rawQuery) {
        String credential = null;
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
            }
        } else if (rawQuery != null) {
            credential = first(parseQuery(rawQuery), "X-Amz-Credential");
        }
        if (credential == null) {
            return null;
        }
        int slash = credential.indexOf('/');
        return slash <= 0 ? null : credential.substring(0, slash).trim();
    }

    public SigV4Auth verify(String method, String rawPath, String rawQuery, MultiMap headers) {
        String authorization = headers.get("Authorization");
        List<String[]> query = parseQuery(rawQuery);
        if (authorization != null) {
            return verifyHeader(method, rawPath, query, headers, authorization);
        }
        if (has(query, "X-Amz-Algorithm") || has(query, "X-Amz-Signature")) {
            return verifyPresigned(method, rawPath, query, headers);
        }
        if (has(query, "AWSAccessKeyId") || has(query, "Signature")) {
            throw R2Error.ACCESS_DENIED.exception("Signature Version 2 is not supported; use Signature Version 4.");
        }
        throw R2Error.ACCESS_DENIED.exception("Access Denied: the request carries no credentials.");
    }

    private SigV4Auth verifyHeader(String method, String rawPath, List<String[]> query, MultiMap headers,
            String authorization) {
        if (!authorization.startsWith(ALGORITHM + " ")) {
            if (authorization.startsWith("AWS ")) {
                throw R2Error.ACCESS_DENIED.exception("Signature Version 2 is not supported; use Signature Version 4.");
            }
            throw R2Error.AUTHORIZATION_MALFORMED.exception("Unsupported authorization type.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception();
        }
        String amzDate = headers.get("x-amz-date");
        if (amzDate == null) {
            amzDate = fromHttpDate(headers.get("Date"));
        }
        Instant requestTime = parseAmzDate(amzDate);
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(maxSkew) > 0) {
            throw R2Error.REQUEST_TIME_TOO_SKEWED.exception();
        }
        String payloadHash = headers.get("x-amz-content-sha256");
        if (payloadHash == null || payloadHash.isEmpty()) {
            throw R2Error.INVALID_REQUEST.exception("Missing required header for this request: x-amz-content-sha256");
        }
        Scope scope = scope(credential, amzDate);
        String canonical = canonicalRequest(method, rawPath, query, headers, signedHeaders, payloadHash, false);
        byte[] key = signingKey(scope.principal().secretAccessKey(), scope.date(), scope.region(), scope.service());
        String expected = sign(key, stringToSign(amzDate, scope.text(), canonical));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw R2Error.SIGNATURE_DOES_NOT_MATCH.exception();
        }
        return new SigV4Auth(scope.principal(), payloadHash, amzDate, scope.text(), key, expected, false);
    }

    private SigV4Auth verifyPresigned(String method, String rawPath, List<String[]> query, MultiMap headers) {
        String algorithm = first(query, "X-Amz-Algorithm");
        String credential = first(query, "X-Amz-Credential");
        String amzDate = first(query, "X-Amz-Date");
        String expires = first(query, "X-Amz-Expires");
        String signedHeaders = first(query, "X-Amz-SignedHeaders");
        String signature = first(query, "X-Amz-Signature");
        if (!ALGORITHM.equals(algorithm) || credential == null || amzDate == null || signedHeaders == null
                || signature == null) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("The presigned URL is missing required parameters.");
        }
        long expirySeconds;
        try {
            expirySeconds = expires == null ? MAX_PRESIGN_SECONDS : Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("X-Amz-Expires must be a number of seconds.");
        }
        if (expirySeconds < 1 || expirySeconds > MAX_PRESIGN_SECONDS) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception(
                    "X-Amz-Expires must be between 1 and 604800 seconds.");
        }
        Instant signedAt = parseAmzDate(amzDate);
        Instant now = clock.instant();
        if (now.isAfter(signedAt.plusSeconds(expirySeconds))) {
            throw R2Error.ACCESS_DENIED.exception("Request has expired");
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw R2Error.ACCESS_DENIED.exception("Request is not valid yet");
        }
        Scope scope = scope(credential, amzDate);
        String payloadHash = first(query, "X-Amz-Content-Sha256");
        if (payloadHash == null) {
            payloadHash = "UNSIGNED-PAYLOAD";
        }
        String canonical = canonicalRequest(method, rawPath, query, headers, signedHeaders, payloadHash, true);
        byte[] key = signingKey(scope.principal().secretAccessKey(), scope.date(), scope.region(), scope.service());
        String expected = sign(key, stringToSign(amzDate, scope.text(), canonical));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw R2Error.SIGNATURE_DOES_NOT_MATCH.exception();
        }
        String headerHash = headers.get("x-amz-content-sha256");
        return new SigV4Auth(scope.principal(), headerHash != null && !headerHash.isEmpty() ? headerHash : payloadHash,
                amzDate, scope.text(), key, expected, true);
    }

    private record Scope(S3Principal principal, String date, String region, String service, String text) {
    }

    private Scope scope(String credential, String amzDate) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || !parts[4].equals("aws4_request")) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("The credential scope is malformed.");
        }
        if (!parts[3].equals("s3")) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("The credential scope must name the s3 service.");
        }
        if (!amzDate.startsWith(parts[1])) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("The credential date does not match the request date.");
        }
        S3Principal principal = credentials.lookup(parts[0]).orElseThrow(R2Error.INVALID_ACCESS_KEY_ID::exception);
        return new Scope(principal, parts[1], parts[2], parts[3],
                parts[1] + "/" + parts[2] + "/" + parts[3] + "/aws4_request");
    }

    static String canonicalRequest(String method, String rawPath, List<String[]> query, MultiMap headers,
            String signedHeaders, String payloadHash, boolean presigned) {
        StringBuilder c = new StringBuilder(256);
        c.append(method).append('\n');
        c.append(canonicalUri(rawPath)).append('\n');
        List<String[]> params = new ArrayList<>();
        for (String[] p : query) {
            if (presigned && p[0].equals("X-Amz-Signature")) {
                continue;
            }
            params.add(new String[] {AwsUri.encode(p[0], true), AwsUri.encode(p[1], true)});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                c.append('&');
            }
            c.append(params.get(i)[0]).append('=').append(params.get(i)[1]);
        }
        c.append('\n');
        boolean hostSigned = false;
        for (String name : signedHeaders.split(";")) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            hostSigned |= lower.equals("host");
            List<String> values = headers.getAll(lower);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    joined.append(',');
                }
                joined.append(values.get(i).trim().replaceAll("\\s+", " "));
            }
            c.append(lower).append(':').append(joined).append('\n');
        }
        if (!hostSigned) {
            throw R2Error.AUTHORIZATION_MALFORMED.exception("The host header must be signed.");
        }
        c.append('\n').append(signedHeaders.toLowerCase(Locale.ROOT)).append('\n').append(payloadHash);
        return c.toString();
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            String segment = slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash);
            out.append(AwsUri.encode(AwsUri.decode(segment), false));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    static List<String[]> parseQuery(String rawQuery) {
        List<String[]> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new String[] {AwsUri.decode(name), AwsUri.decode(value)});
        }
        return out;
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Derived keys by secret, date, region and service: four HMACs per request otherwise. Bounded; cleared when full. */
    private static final int MAX_CACHED_KEYS = 1024;
    private static final Map<KeyScope, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    /** Mac and MessageDigest instances per thread: getInstance walks the providers on every call. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> newInstance(() -> Mac.getInstance("HmacSHA256")));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(
            () -> newInstance(() -> MessageDigest.getInstance("SHA-256")));

    private record KeyScope(String secret, String date, String region, String service) {
    }

    /** The SigV4 signing key; callers must not modify the array (it may be shared through the cache). */
    static byte[] signingKey(String secret, String date, String region, String service) {
        KeyScope scope = new KeyScope(secret, date, region, service);
        byte[] cached = SIGNING_KEYS.get(scope);
        if (cached != null) {
            return cached;
        }
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        k = hmac(k, "aws4_request");
        if (SIGNING_KEYS.size() >= MAX_CACHED_KEYS) {
            SIGNING_KEYS.clear(); // dates roll over daily and keys rotate: old entries are simply dropped
        }
        SIGNING_KEYS.put(scope, k);
        return k;
    }

    static String sign(byte[] key, String stringToSign) {
        return hex(hmac(key, stringToSign));
    }

    static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(data);
    }

    private interface Factory<T> {
        T create() throws NoSuchAlgorithmException;
    }

    private static <T> T newInstance(Factory<T> factory) {
        try {
            return factory.create();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw R2Error.ACCESS_DENIED.exception("The request date is missing or malformed.");
        }
    }

    private static String fromHttpDate(String date) {
        if (date == null) {
            throw R2Error.ACCESS_DENIED.exception("The request must carry x-amz-date or Date.");
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC)
                    .format(AMZ_DATE);
        } catch (DateTimeParseException e) {
            throw R2Error.ACCESS_DENIED.exception("The Date header is malformed.");
        }
    }

    private static boolean has(List<String[]> query, String name) {
        return first(query, name) != null;
    }

    private static String first(List<String[]> query, String name) {
        for (String[] p : query) {
            if (p[0].equals(name)) {
                return p[1];
            }
        }
        return null;
    }
}
