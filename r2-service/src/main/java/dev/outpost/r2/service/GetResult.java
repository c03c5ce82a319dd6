package dev.outpost.r2.service;

import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.ServedRange;
import io.smallrye.mutiny.Multi;
import java.io.InputStream;

/**
 * A found object. When {@code preconditionMet} is false there is no body (R2-2: failed onlyIf
 * gives the object without body). The body comes in two views of the same backend stream, and a
 * caller takes exactly one: {@code body} reads chunks on demand on the blocking executor (gRPC) and
 * must be subscribed or cancelled; {@code stream} is the raw blocking stream (the S3 API pumps it
 * itself) and must be read or closed.
 */
public record GetResult(ObjectInfo object, boolean preconditionMet, ServedRange range, Multi<byte[]> body,
        InputStream stream) {
}
