package dev.outpost.runtime.io;

import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.compat.CompatibilityFlags;

/** R2 behaviour that depends on the worker's compatibility date and flags. */
final class R2Compat {
    private R2Compat() {
    }

    /** R2-7, RT-12: list() honours {@code include} (else both metadata kinds are always included). */
    static boolean honorListInclude(WorkerBundle bundle) {
        return CompatibilityFlags.enabled(CompatibilityFlags.R2_LIST_HONOR_INCLUDE, bundle.compatibilityDate(),
                bundle.compatibilityFlags());
    }
}
