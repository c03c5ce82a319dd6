package dev.outpost.kv.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/**
 * The opaque list cursor: base64url of a version byte and the last key returned. A position rather than a
 * snapshot, so it stays valid while the namespace changes (keys written behind it are simply not seen).
 */
final class ListCursor {

    private static final byte VERSION = 1;

    private ListCursor() {
    }

    static String encode(String lastKey) {
        byte[] key = lastKey.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[key.length + 1];
        raw[0] = VERSION;
        System.arraycopy(key, 0, raw, 1, key.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The key to continue after, or {@code null} for no cursor. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length < 2 || raw[0] != VERSION || raw.length - 1 > KvLimits.MAX_KEY_BYTES) {
                throw invalid();
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 1, raw.length - 1))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }

    private static KvException invalid() {
        return new KvException(KvError.CURSOR_INVALID,
                "Invalid cursor. Pass the cursor returned by the previous list request unchanged.");
    }
}
