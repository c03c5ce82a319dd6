package dev.outpost.runtime.io;

import dev.outpost.runtime.WorkerBundle;

/** R2 behaviour that depends on the worker's compatibility date and flags. */
final class R2Compat {
    /** The date from which {@code r2_list_honor_include} is on by default (R2-7). */
    static final String LIST_HONOR_INCLUDE_DATE = "2022-08-04";

    private R2Compat() {
    }

    /** R2-7: list() honours {@code include} (else both metadata kinds are always included). */
    static boolean honorListInclude(WorkerBundle bundle) {
        if (bundle.compatibilityFlags().contains("r2_list_honor_include")) {
            return true;
        }
        String date = bundle.compatibilityDate();
        return date != null && !date.isEmpty() && date.compareTo(LIST_HONOR_INCLUDE_DATE) >= 0;
    }
}
