package dev.outpost.runtime.bindings.r2;

import dev.outpost.runtime.bindings.BindingException;

/**
 * An R2 failure with its R2 code (R2-11, e.g. 10007 NoSuchKey, 10037 BadDigest). The message is the bare text
 * ("The specified key does not exist."); the JS side adds the method and the code.
 */
public class R2BindingException extends BindingException {
    public static final int INTERNAL_ERROR = 10001;

    private final int code;

    public R2BindingException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
