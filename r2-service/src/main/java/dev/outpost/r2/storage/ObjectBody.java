package dev.outpost.r2.storage;

import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.ServedRange;
import java.io.InputStream;

/**
 * An object as the backend answered a GET: metadata, the range served (null for the whole object)
 * and the unread body. Whoever takes it must read or close {@code body}.
 */
public record ObjectBody(ObjectInfo info, ServedRange range, InputStream body) {
}
