package dev.outpost.r2.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R2-10 bucket CORS: S3's PutBucketCors documents, their validation and S3's rule matching. */
class CorsRulesTest {

    static CorsRules parse(String xml) {
        return CorsRules.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static final String CONFIG = "<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<CORSRule><AllowedOrigin>https://*.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
            + "<AllowedMethod>PUT</AllowedMethod><AllowedHeader>x-amz-*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>"
            + "<MaxAgeSeconds>300</MaxAgeSeconds></CORSRule>"
            + "<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>HEAD</AllowedMethod></CORSRule>"
            + "</CORSConfiguration>";

    @Test
    void theFirstRuleAllowingOriginMethodAndHeadersWins() {
        CorsRules rules = parse(CONFIG);
        CorsRules.Rule first = rules.match("https://app.example.com", "PUT", List.of("X-Amz-Date", "x-amz-meta-a"));
        assertNotNull(first);
        assertEquals(300, first.maxAgeSeconds());
        assertNull(rules.match("https://app.example.org", "GET", List.of()));
        assertNull(rules.match("https://app.example.com", "DELETE", List.of()));
        assertNull(rules.match("https://app.example.com", "GET", List.of("content-type")));
        assertEquals(List.of("*"), rules.match("http://anything", "HEAD", List.of()).origins());
    }

    @Test
    void wildcardsMatchOneSpan() {
        assertTrue(CorsRules.wildcard("https://*.example.com", "https://a.b.example.com"));
        assertFalse(CorsRules.wildcard("https://*.example.com", "https://example.com"));
        assertTrue(CorsRules.wildcard("*", ""));
        assertFalse(CorsRules.wildcard("a*a", "a"));
    }

    @Test
    void theDocumentRoundTripsAndBadOnesAreRefusedInS3Terms() {
        assertEquals(parse(CONFIG), parse(parse(CONFIG).toXml()));
        R2Exception method = assertThrows(R2Exception.class, () -> parse("<CORSConfiguration><CORSRule>"
                + "<AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod></CORSRule></CORSConfiguration>"));
        assertEquals(R2Error.INVALID_REQUEST, method.error());
        assertEquals(R2Error.MALFORMED_XML, assertThrows(R2Exception.class,
                () -> parse("<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>"))
                .error());
        assertEquals(R2Error.MALFORMED_XML, assertThrows(R2Exception.class, () -> parse("<CORSConfiguration/>")).error());
        assertEquals(R2Error.MALFORMED_XML, assertThrows(R2Exception.class, () -> parse("not xml")).error());
        assertEquals(R2Error.INVALID_REQUEST, assertThrows(R2Exception.class, () -> parse("<CORSConfiguration><CORSRule>"
                + "<AllowedOrigin>*a*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>"))
                .error());
    }
}
