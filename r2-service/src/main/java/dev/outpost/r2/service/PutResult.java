package dev.outpost.r2.service;

import dev.outpost.r2.model.ObjectInfo;

/** {@code written} false: onlyIf failed and nothing was stored (R2-2 put returns null). */
public record PutResult(boolean written, ObjectInfo object) {
}
