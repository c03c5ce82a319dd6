package dev.outpost.gateway.ingress;

import dev.outpost.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSession;

/**
 * What Cloudflare's edge adds to a request before the worker sees it (RT-9): {@code request.cf} with what is
 * known locally, and the {@code CF-Connecting-IP}, {@code X-Forwarded-For}, {@code X-Real-IP},
 * {@code X-Forwarded-Proto}, {@code CF-Visitor}, {@code CF-IPCountry} and {@code CF-Ray} headers. Clients
 * cannot forge these: incoming copies are dropped, unless {@code outpost.gateway.trust-forwarded-headers} says
 * a proxy in front of the gateway sets them (then its client IP and country are used).
 */
public record EdgeRequest(List<Map.Entry<String, String>> headers, String cfJson, String clientIp) {
    private static final Set<String> EDGE_HEADERS = Set.of("cf-connecting-ip", "cf-ipcountry", "cf-ray", "cf-visitor",
            "x-forwarded-for", "x-real-ip", "x-forwarded-proto", "cf-ew-via", "cf-worker");
    /** ISO 3166 codes of EU member states ({@code cf.isEUCountry}). */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    public static EdgeRequest of(HttpServerRequest request, GatewayConfig config, String rayId) {
        String peer = request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().hostAddress();
        return of(request.headers(), peer, request.isSSL() ? request.sslSession() : null, request.isSSL(),
                request.version(), config.colo(), config.trustForwardedHeaders(), rayId);
    }

    /** The same from the request's parts (TLS session null on plain HTTP). */
    static EdgeRequest of(MultiMap incoming, String peer, SSLSession tls, boolean ssl, HttpVersion version, String colo,
            boolean trusted, String rayId) {
        String forwardedFor = incoming.get("x-forwarded-for");
        String clientIp = peer;
        String country = null;
        if (trusted) {
            String connecting = incoming.get("cf-connecting-ip");
            if (connecting != null && !connecting.isBlank()) {
                clientIp = connecting.trim();
            } else if (forwardedFor != null && !forwardedFor.isBlank()) {
                clientIp = forwardedFor.split(",")[0].trim();
            }
            String ipCountry = incoming.get("cf-ipcountry");
            if (ipCountry != null && ipCountry.trim().matches("[A-Za-z][A-Za-z0-9]")) {
                country = ipCountry.trim().toUpperCase(Locale.ROOT);
            }
        }
        String scheme = ssl ? "https" : "http";
        List<Map.Entry<String, String>> headers = new ArrayList<>(incoming.size() + 8);
        incoming.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!EDGE_HEADERS.contains(name)) {
                headers.add(Map.entry(name, h.getValue()));
            }
        });
        headers.add(Map.entry("cf-connecting-ip", clientIp));
        if (country != null) {
            headers.add(Map.entry("cf-ipcountry", country));
        }
        headers.add(Map.entry("cf-ray", rayId));
        headers.add(Map.entry("cf-visitor", "{\"scheme\":\"" + scheme + "\"}"));
        headers.add(Map.entry("x-forwarded-for", trusted && forwardedFor != null && !forwardedFor.isBlank()
                ? forwardedFor.trim() + ", " + peer : clientIp));
        headers.add(Map.entry("x-forwarded-proto", scheme));
        headers.add(Map.entry("x-real-ip", clientIp));
        return new EdgeRequest(headers, cf(incoming, tls, version, colo, country), clientIp);
    }

    private static String cf(MultiMap incoming, SSLSession tls, HttpVersion version, String colo, String country) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "colo", colo);
        field(json, "httpProtocol", protocol(version));
        String tlsVersion = "";
        String tlsCipher = "";
        if (tls != null) {
            tlsVersion = tls.getProtocol();
            tlsCipher = tls.getCipherSuite();
        }
        // A plain-HTTP request has no TLS: empty strings, as Cloudflare reports for http:// requests.
        field(json, "tlsVersion", tlsVersion);
        field(json, "tlsCipher", tlsCipher);
        String acceptEncoding = incoming.get("accept-encoding");
        field(json, "clientAcceptEncoding", acceptEncoding == null ? "" : acceptEncoding);
        field(json, "requestPriority", "");
        json.append("\"edgeRequestKeepAliveStatus\":1,");
        if (country != null) {
            field(json, "country", country);
            if (EU.contains(country)) {
                field(json, "isEUCountry", "1");
            }
        }
        json.append("\"tlsClientAuth\":{\"certPresented\":\"0\",\"certVerified\":\"NONE\",\"certRevoked\":\"0\","
                + "\"certIssuerDN\":\"\",\"certSubjectDN\":\"\",\"certIssuerDNRFC2253\":\"\",\"certSubjectDNRFC2253\":\"\","
                + "\"certIssuerDNLegacy\":\"\",\"certSubjectDNLegacy\":\"\",\"certSerial\":\"\",\"certIssuerSerial\":\"\","
                + "\"certSKI\":\"\",\"certIssuerSKI\":\"\",\"certFingerprintSHA1\":\"\",\"certFingerprintSHA256\":\"\","
                + "\"certNotBefore\":\"\",\"certNotAfter\":\"\"}");
        return json.append('}').toString();
    }

    private static String protocol(HttpVersion version) {
        return switch (version) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2";
            default -> "HTTP/1.1";
        };
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append("\",");
    }
}
