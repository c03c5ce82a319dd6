package dev.outpost.runtime.bindings;

import java.util.Arrays;
import java.util.Objects;

/**
 * One SQLite value crossing a D1 binding (checklist D1-9): NULL, INTEGER, REAL, TEXT or BLOB. The JS side maps
 * integral numbers (and booleans) to INTEGER, fractional ones to REAL, ArrayBuffers/views/byte arrays to BLOB.
 */
public sealed interface D1Value {
    D1Value NULL = new Null();

    static D1Value of(long value) {
        return new Integer(value);
    }

    static D1Value of(double value) {
        return new Real(value);
    }

    static D1Value of(String value) {
        return new Text(Objects.requireNonNull(value, "value"));
    }

    static D1Value of(byte[] value) {
        return new Blob(Objects.requireNonNull(value, "value"));
    }

    record Null() implements D1Value {
    }

    record Integer(long value) implements D1Value {
    }

    record Real(double value) implements D1Value {
    }

    record Text(String value) implements D1Value {
    }

    record Blob(byte[] value) implements D1Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Blob[" + value.length + " bytes]";
        }
    }
}
