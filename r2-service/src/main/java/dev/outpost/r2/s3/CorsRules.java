package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A bucket's CORS configuration (S3 PutBucketCors XML, R2-10), parsed and validated, and the matching S3 does:
 * the first rule whose AllowedOrigin (at most one '*' wildcard), AllowedMethod and AllowedHeaders (for a
 * preflight's Access-Control-Request-Headers, case-insensitive, '*' wildcards) all match wins.
 */
public record CorsRules(List<Rule> rules) {

    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    private static final int MAX_RULES = 100;

    public record Rule(List<String> origins, List<String> methods, List<String> headers, List<String> exposeHeaders,
            Integer maxAgeSeconds) {

        boolean allows(String origin, String method, List<String> requestHeaders) {
            if (!methods.contains(method) || origins.stream().noneMatch(o -> wildcard(o, origin))) {
                return false;
            }
            for (String h : requestHeaders) {
                if (headers.stream().noneMatch(a -> wildcard(a.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Parses a CORSConfiguration document; MalformedXML / InvalidRequest as S3 answers bad ones. */
    public static CorsRules parse(byte[] xml) {
        Element root = S3Xml.parse(xml);
        if (!S3Xml.localName(root).equals("CORSConfiguration")) {
            throw R2Error.MALFORMED_XML.exception();
        }
        List<Rule> rules = new ArrayList<>();
        for (Element r : S3Xml.children(root, "CORSRule")) {
            List<String> origins = texts(r, "AllowedOrigin");
            List<String> methods = texts(r, "AllowedMethod");
            if (origins.isEmpty() || methods.isEmpty()) {
                throw R2Error.MALFORMED_XML.exception("A CORSRule needs an AllowedOrigin and an AllowedMethod.");
            }
            for (String m : methods) {
                if (!METHODS.contains(m)) {
                    throw R2Error.INVALID_REQUEST.exception("Found unsupported HTTP method in CORS config. Unsupported method is "
                            + m);
                }
            }
            for (String o : origins) {
                if (o.indexOf('*') != o.lastIndexOf('*')) {
                    throw R2Error.INVALID_REQUEST.exception("AllowedOrigin \"" + o + "\" can not have more than one wildcard.");
                }
            }
            Integer maxAge = null;
            String age = S3Xml.text(r, "MaxAgeSeconds");
            if (age != null) {
                try {
                    maxAge = Integer.parseInt(age.trim());
                } catch (NumberFormatException e) {
                    throw R2Error.MALFORMED_XML.exception();
                }
            }
            rules.add(new Rule(origins, methods, texts(r, "AllowedHeader"), texts(r, "ExposeHeader"), maxAge));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw R2Error.MALFORMED_XML.exception("A CORS configuration holds 1 to 100 rules.");
        }
        return new CorsRules(List.copyOf(rules));
    }

    /** The first rule allowing this request, or null. */
    public Rule match(String origin, String method, List<String> requestHeaders) {
        for (Rule r : rules) {
            if (r.allows(origin, method, requestHeaders)) {
                return r;
            }
        }
        return null;
    }

    /** The configuration as GetBucketCors answers it. */
    public String toXml() {
        S3Xml xml = S3Xml.document("CORSConfiguration");
        for (Rule r : rules) {
            xml.start("CORSRule");
            r.headers().forEach(h -> xml.element("AllowedHeader", h));
            r.methods().forEach(m -> xml.element("AllowedMethod", m));
            r.origins().forEach(o -> xml.element("AllowedOrigin", o));
            r.exposeHeaders().forEach(h -> xml.element("ExposeHeader", h));
            if (r.maxAgeSeconds() != null) {
                xml.element("MaxAgeSeconds", r.maxAgeSeconds());
            }
            xml.end();
        }
        return xml.finish();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : S3Xml.children(parent, name)) {
            out.add(e.getTextContent().trim());
        }
        return out;
    }

    /** Does {@code pattern} (with at most one '*') match {@code value}? */
    static boolean wildcard(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return value.length() >= head.length() + tail.length() && value.startsWith(head) && value.endsWith(tail);
    }
}
