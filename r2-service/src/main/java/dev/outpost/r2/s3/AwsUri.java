package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** URI encoding exactly as SigV4 and S3 define it (RFC 3986 unreserved characters kept). */
public final class AwsUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AwsUri() {
    }

    public static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /** Percent-decoding for paths and SigV4 query values: '+' stays '+'. */
    public static String decode(String text) {
        return decode(text, false);
    }

    /** Percent-decoding; {@code plusIsSpace} for form-style query values. */
    public static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw R2Error.INVALID_ARGUMENT.exception("Invalid percent-encoding in the request URI.");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw R2Error.INVALID_ARGUMENT.exception("Invalid percent-encoding in the request URI.");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
