package dev.outpost.gateway.controlplane.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A Cron Trigger expression in Cloudflare's syntax (CRON-2): five fields, UTC —
 * minute 0-59, hour 0-23, day of month 1-31 ({@code L}, {@code LW}, {@code 15W}), month 1-12 or JAN-DEC,
 * day of week 1-7 with 1 = Sunday or SUN-SAT ({@code 6L}/{@code FRIL} last Friday, {@code 2#1} first Monday).
 * Every field takes {@code *}, lists, ranges and steps. {@link #parse} rejects anything else with a message
 * naming the field; {@link #matches} is what a cron runner evaluates each minute.
 */
public final class CronExpression {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth;
    private final BitSet months;
    private final DayOfWeekField dayOfWeek;

    /** Day-of-month values plus its special forms. */
    private record DayOfMonth(BitSet days, boolean star, boolean last, boolean lastWeekday, BitSet nearestWeekday) {
    }

    /** Day-of-week values (1 = Sunday) plus "last X of the month" and "n-th X of the month". */
    private record DayOfWeekField(BitSet days, boolean star, BitSet lastOf, List<int[]> nth) {
    }

    private CronExpression(String text, BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months,
            DayOfWeekField dayOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
    }

    /** @throws IllegalArgumentException with a message saying which field is wrong and why */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is empty");
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + expression + "' has " + fields.length
                    + " fields; a cron expression has 5 (minute hour day-of-month month day-of-week)");
        }
        try {
            BitSet minutes = simple(fields[0], "minute", 0, 59, null);
            BitSet hours = simple(fields[1], "hour", 0, 23, null);
            DayOfMonth dom = dayOfMonth(fields[2]);
            BitSet months = simple(fields[3], "month", 1, 12, MONTHS);
            DayOfWeekField dow = dayOfWeek(fields[4]);
            return new CronExpression(expression.trim(), minutes, hours, dom, months, dow);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "': " + e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    /** Whether the expression fires in the minute of {@code time} (taken in UTC by the caller). */
    public boolean matches(ZonedDateTime time) {
        if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
            return false;
        }
        LocalDate date = time.toLocalDate();
        boolean domMatch = dayOfMonthMatches(date);
        boolean dowMatch = dayOfWeekMatches(date);
        // As in Vixie cron: when both day fields are restricted, either one matching is enough.
        if (dayOfMonth.star() || dayOfWeek.star()) {
            return domMatch && dowMatch;
        }
        return domMatch || dowMatch;
    }

    private boolean dayOfMonthMatches(LocalDate date) {
        if (dayOfMonth.star()) {
            return true;
        }
        int day = date.getDayOfMonth();
        int length = date.lengthOfMonth();
        if (dayOfMonth.days().get(day) || (dayOfMonth.last() && day == length)) {
            return true;
        }
        if (dayOfMonth.lastWeekday() && date.equals(weekdayNear(date.withDayOfMonth(length)))) {
            return true;
        }
        for (int n = dayOfMonth.nearestWeekday().nextSetBit(1); n >= 0; n = dayOfMonth.nearestWeekday().nextSetBit(n + 1)) {
            if (n <= length && date.equals(weekdayNear(date.withDayOfMonth(n)))) {
                return true;
            }
        }
        return false;
    }

    /** The weekday nearest to {@code day} within its month (the W form). */
    private static LocalDate weekdayNear(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
        }
        if (dow == DayOfWeek.SUNDAY) {
            return day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
        }
        return day;
    }

    private boolean dayOfWeekMatches(LocalDate date) {
        if (dayOfWeek.star()) {
            return true;
        }
        int cronDay = date.getDayOfWeek().getValue() % 7 + 1; // Sunday = 1
        if (dayOfWeek.days().get(cronDay)) {
            return true;
        }
        if (dayOfWeek.lastOf().get(cronDay)
                && date.equals(date.with(TemporalAdjusters.lastInMonth(date.getDayOfWeek())))) {
            return true;
        }
        for (int[] nth : dayOfWeek.nth()) {
            if (nth[0] == cronDay && (date.getDayOfMonth() - 1) / 7 + 1 == nth[1]) {
                return true;
            }
        }
        return false;
    }

    private static DayOfMonth dayOfMonth(String field) {
        BitSet days = new BitSet(32);
        BitSet near = new BitSet(32);
        boolean last = false;
        boolean lastWeekday = false;
        boolean star = field.equals("*") || field.equals("?");
        if (star) {
            days.set(1, 32);
            return new DayOfMonth(days, true, false, false, near);
        }
        List<String> plain = new ArrayList<>();
        for (String item : items(field, "day-of-month")) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (upper.equals("L")) {
                last = true;
            } else if (upper.equals("LW")) {
                lastWeekday = true;
            } else if (upper.endsWith("W")) {
                near.set(number(upper.substring(0, upper.length() - 1), "day-of-month", 1, 31, null));
            } else {
                plain.add(item);
            }
        }
        if (!plain.isEmpty()) {
            days.or(simple(String.join(",", plain), "day-of-month", 1, 31, null));
        }
        return new DayOfMonth(days, false, last, lastWeekday, near);
    }

    private static DayOfWeekField dayOfWeek(String field) {
        BitSet days = new BitSet(8);
        BitSet lastOf = new BitSet(8);
        List<int[]> nth = new ArrayList<>();
        boolean star = field.equals("*") || field.equals("?");
        if (star) {
            days.set(1, 8);
            return new DayOfWeekField(days, true, lastOf, nth);
        }
        List<String> plain = new ArrayList<>();
        for (String item : items(field, "day-of-week")) {
            String upper = item.toUpperCase(Locale.ROOT);
            int hash = upper.indexOf('#');
            if (hash >= 0) {
                int day = number(upper.substring(0, hash), "day-of-week", 1, 7, DAYS);
                int which = number(upper.substring(hash + 1), "day-of-week '#'", 1, 5, null);
                nth.add(new int[] {day, which});
            } else if (upper.equals("L")) {
                lastOf.set(7); // a lone L is the last day of the week: Saturday
            } else if (upper.length() > 1 && upper.endsWith("L")) {
                lastOf.set(number(upper.substring(0, upper.length() - 1), "day-of-week", 1, 7, DAYS));
            } else {
                plain.add(item);
            }
        }
        if (!plain.isEmpty()) {
            days.or(simple(String.join(",", plain), "day-of-week", 1, 7, DAYS));
        }
        return new DayOfWeekField(days, false, lastOf, nth);
    }

    private static String[] items(String field, String name) {
        if (field.startsWith(",") || field.endsWith(",") || field.contains(",,")) {
            throw new IllegalArgumentException(name + " field '" + field + "' has an empty list item");
        }
        return field.split(",");
    }

    /** A field of {@code *}, values, ranges and steps, comma separated. */
    private static BitSet simple(String field, String name, int min, int max, String[] names) {
        BitSet set = new BitSet(max + 1);
        for (String item : items(field, name)) {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), name + " step", 1, max - min + 1, null);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-', 1);
                if (dash >= 0) {
                    from = number(range.substring(0, dash), name, min, max, names);
                    to = number(range.substring(dash + 1), name, min, max, names);
                    if (to < from) {
                        throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
                    }
                } else {
                    from = number(range, name, min, max, names);
                    to = slash >= 0 ? max : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String text, String name, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return min + i;
                }
            }
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
            throw new IllegalArgumentException(name + " value '" + text + "' is not "
                    + (names == null ? "a number" : "a number or a name (" + names[0] + "-" + names[names.length - 1] + ")"));
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " value " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
