package dev.outpost.r2.service;

import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.ServedRange;
import java.io.InputStream;

/**
 * A found object. When {@code preconditionMet} is false there is no body (R2-2: failed onlyIf
 * gives the object without body). {@code stream} is the body as the backend sends it, a blocking
 * stream that the caller must read or close (the S3 API and the gRPC get each pump it themselves).
 */
public record GetResult(ObjectInfo object, boolean preconditionMet, ServedRange range, InputStream stream) {
}
