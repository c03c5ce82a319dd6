package dev.outpost.runtime.compat;

import java.util.List;

/**
 * One compatibility feature as workerd defines it (src/workerd/io/compatibility-date.capnp): the flag that turns
 * it on, the flag that turns it off (if any), the date from which it is on by default (if any), and the
 * flags that imply it from a date on.
 *
 * @param name         the enable flag, also the key in {@code Cloudflare.compatibilityFlags}
 * @param disableName  the opposite flag ({@code no_...} and the like), null when there is none
 * @param enableDate   {@code YYYY-MM-DD} from which the feature is on by default, null when only the flag enables it
 * @param experimental workerd accepts it only with {@code --experimental}; Cloudflare refuses it
 * @param impliedBy    enable flags that turn this one on too once the worker's date reaches {@code impliedDate}
 * @param impliedDate  see {@code impliedBy}
 */
public record CompatFlag(String name, String disableName, String enableDate, boolean experimental,
                         List<String> impliedBy, String impliedDate) {

    static CompatFlag flag(String name, String disableName, String enableDate) {
        return new CompatFlag(name, disableName, enableDate, false, List.of(), null);
    }

    static CompatFlag experimental(String name) {
        return new CompatFlag(name, null, null, true, List.of(), null);
    }

    static CompatFlag implied(String name, String disableName, String impliedDate, String... impliedBy) {
        return new CompatFlag(name, disableName, null, false, List.of(impliedBy), impliedDate);
    }

    /** True when the date alone turns the feature on. */
    boolean onByDate(String date) {
        return enableDate != null && date.compareTo(enableDate) >= 0;
    }
}
