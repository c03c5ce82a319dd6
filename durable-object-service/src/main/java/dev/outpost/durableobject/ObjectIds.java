package dev.outpost.durableobject;

import java.util.regex.Pattern;

/** Durable Object ids are 64 lowercase hex digits (DO-3, DO-4). */
public final class ObjectIds {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private ObjectIds() {
    }

    /** Null when valid, else the TypeError text workerd gives. */
    public static String problem(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return "Invalid Durable Object ID: must be 64 hex digits";
        }
        return null;
    }
}
