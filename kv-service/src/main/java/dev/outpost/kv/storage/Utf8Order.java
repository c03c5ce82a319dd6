package dev.outpost.kv.storage;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes (KV-7), which equals Unicode code point order. Java's
 * {@link String#compareTo} compares UTF-16 units and puts U+E000..U+FFFF after supplementary
 * characters; UTF-8 puts them before.
 */
public final class Utf8Order {

    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (D800..DFFF) encode code points above FFFF, so they sort after every BMP char.
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
