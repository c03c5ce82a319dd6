package dev.outpost.r2.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * SigV4 header signing of the object GETs and streamed PUTs that {@link BackendClient} sends on the MinIO client's
 * OkHttp client: the same canonical request as the MinIO client's own {@code io.minio.Signer.signV4S3} (same signed
 * headers — all but accept-encoding, authorization and user-agent —, values with runs of spaces collapsed and trimmed,
 * query parameters sorted by name), checked against it by {@code BackendSignerTest}. MinIO's signer is written for
 * occasional calls: per request it runs a regex over every header value, builds the canonical form with Guava
 * joiners, derives the signing key again (four HMACs) and looks up a new {@link Mac} provider for each of its five
 * HMACs, several percent of r2-service's CPU per proxied GET. Here the derived key is cached per day, region and
 * secret, and the Mac and digest are per thread. The x-amz-date value is formatted once per second.
 */
final class BackendSigner {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** "day/region/secret" → derived signing key; a handful of entries (one per day and backend credential). */
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();
    private volatile Stamp stamp = new Stamp(0, "");

    private record Stamp(long second, String amzDate) {
    }

    /** The x-amz-date header value for now (cached for the current second). */
    String amzDate() {
        long second = System.currentTimeMillis() / 1000;
        Stamp s = stamp;
        if (s.second != second) {
            s = new Stamp(second, AMZ_DATE.format(Instant.ofEpochSecond(second)));
            stamp = s;
        }
        return s.amzDate;
    }

    /**
     * Returns {@code request} with its Authorization header; it must carry x-amz-date (see {@link #amzDate()}) and the
     * x-amz-content-sha256 value given as {@code contentSha256}.
     */
    Request sign(Request request, String region, String accessKey, String secretKey, String contentSha256) {
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || amzDate.length() < 8) {
            throw new IllegalArgumentException("x-amz-date missing");
        }
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/s3/aws4_request";

        TreeMap<String, String> canonical = new TreeMap<>();
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i).toLowerCase(Locale.US);
            if (name.equals("accept-encoding") || name.equals("authorization") || name.equals("user-agent")) {
                continue;
            }
            String value = collapseSpaces(headers.value(i));
            canonical.merge(name, value, (a, b) -> a + "," + b);
        }
        StringBuilder signed = new StringBuilder(64);
        for (String name : canonical.keySet()) {
            if (signed.length() > 0) {
                signed.append(';');
            }
            signed.append(name);
        }
        HttpUrl url = request.url();
        StringBuilder cr = new StringBuilder(256);
        cr.append(request.method()).append('\n').append(url.encodedPath()).append('\n');
        appendCanonicalQuery(cr, url.encodedQuery());
        cr.append('\n');
        canonical.forEach((k, v) -> cr.append(k).append(':').append(v).append('\n'));
        cr.append('\n').append(signed).append('\n').append(contentSha256);

        MessageDigest sha = SHA256.get();
        String canonicalHash = HEX.formatHex(sha.digest(cr.toString().getBytes(StandardCharsets.UTF_8)));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + canonicalHash;
        byte[] key = signingKeys.computeIfAbsent(day + "/" + region + "/" + secretKey,
                k -> derive(secretKey, day, region));
        String signature = HEX.formatHex(hmac(key, stringToSign));
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signed
                + ", Signature=" + signature;
        if (signingKeys.size() > 16) {
            signingKeys.clear(); // old days; the next call derives its key again
        }
        return request.newBuilder().header("Authorization", authorization).build();
    }

    /** Query parameters sorted by name (stable for repeated names), as MinIO's signer orders them. */
    private static void appendCanonicalQuery(StringBuilder out, String encodedQuery) {
        if (encodedQuery == null) {
            return;
        }
        List<String[]> params = new ArrayList<>();
        for (String param : encodedQuery.split("&")) {
            String[] tokens = param.split("=");
            params.add(new String[] {tokens[0], tokens.length > 1 ? tokens[1] : ""});
        }
        params.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(params.get(i)[0]).append('=').append(params.get(i)[1]);
        }
    }

    /** Runs of spaces become one space, then the value is trimmed (MinIO: replaceAll("( +)", " ").trim()). */
    static String collapseSpaces(String value) {
        if (value.indexOf("  ") < 0) {
            return value.trim();
        }
        StringBuilder b = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (!space) {
                    b.append(c);
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString().trim();
    }

    private static byte[] derive(String secretKey, String day, String region) {
        byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
