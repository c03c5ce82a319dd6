package dev.outpost.r2.service;

import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.ServedRange;
import io.smallrye.mutiny.Multi;

/**
 * A found object. When {@code preconditionMet} is false there is no body (R2-2: failed onlyIf
 * gives the object without body). {@code body} reads on demand and must be subscribed or cancelled.
 */
public record GetResult(ObjectInfo object, boolean preconditionMet, ServedRange range, Multi<byte[]> body) {
}
