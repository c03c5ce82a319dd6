package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Writing S3 XML responses and reading the few XML request bodies (safely: no DTDs, no entities). */
public final class S3Xml {

    public static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(512);
    private final List<String> open = new ArrayList<>();

    private S3Xml() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    public static S3Xml document(String root) {
        S3Xml x = new S3Xml();
        x.out.append('<').append(root).append(" xmlns=\"").append(NS).append("\">");
        x.open.add(root);
        return x;
    }

    public static S3Xml plainDocument(String root) {
        S3Xml x = new S3Xml();
        x.out.append('<').append(root).append('>');
        x.open.add(root);
        return x;
    }

    public S3Xml start(String name) {
        out.append('<').append(name).append('>');
        open.add(name);
        return this;
    }

    public S3Xml end() {
        String name = open.remove(open.size() - 1);
        out.append("</").append(name).append('>');
        return this;
    }

    public S3Xml element(String name, String value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value);
        out.append("</").append(name).append('>');
        return this;
    }

    public S3Xml element(String name, long value) {
        return element(name, Long.toString(value));
    }

    public S3Xml element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    public String finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    public static String date(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else if (c == '\r') {
                        out.append("&#xd;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ reading

    public static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw R2Error.MALFORMED_XML.exception();
        }
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName(e).equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    public static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    public static String localName(Element e) {
        String n = e.getTagName();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }
}
