package dev.outpost.runtime.io;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSRF guard of outbound fetch: which resolved addresses a worker may connect to. Refused by default:
 * "this network" 0/8, loopback 127/8 and ::1, RFC 1918 private ranges and fc00::/7, link-local 169.254/16
 * (cloud metadata) and fe80::/10, CGNAT 100.64/10, multicast and reserved ranges, the unspecified address,
 * plus the operator's denied ranges (cluster). The operator's allowed ranges win over all of these.
 */
public final class AddressPolicy {
    private static final List<String> BUILT_IN = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b::/96", "2002::/16");

    /** One CIDR range. */
    public record Cidr(byte[] network, int prefix, String text) {
        public static Cidr parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            String address = slash < 0 ? t : t.substring(0, slash);
            try {
                if (!address.matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException("not an IP address");
                }
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("bad prefix length");
                }
                return new Cidr(bytes, prefix, t);
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("Invalid CIDR \"" + text + "\": " + e.getMessage(), e);
            }
        }

        public boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Cidr> allowed;
    private final List<Cidr> refused;

    public AddressPolicy(List<String> allowedCidrs, List<String> deniedCidrs) {
        this.allowed = parseAll(allowedCidrs);
        List<String> refusedTexts = new ArrayList<>(BUILT_IN);
        refusedTexts.addAll(deniedCidrs);
        this.refused = parseAll(refusedTexts);
    }

    private static List<Cidr> parseAll(List<String> texts) {
        List<Cidr> out = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                out.add(Cidr.parse(text));
            }
        }
        return List.copyOf(out);
    }

    /** Null when the worker may connect to {@code address}, else the refused range. */
    public String refusal(InetAddress address) {
        byte[] bytes = canonical(address);
        for (Cidr cidr : allowed) {
            if (cidr.contains(bytes)) {
                return null;
            }
        }
        for (Cidr cidr : refused) {
            if (cidr.contains(bytes)) {
                return cidr.text();
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return "non-public address";
        }
        return null;
    }

    /** IPv4-mapped and IPv4-compatible IPv6 addresses are judged as the IPv4 address they carry. */
    private static byte[] canonical(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= bytes[i] == 0;
            }
            boolean mapped = zeros && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            if (mapped) {
                return new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return address instanceof Inet4Address ? bytes : bytes;
    }
}
