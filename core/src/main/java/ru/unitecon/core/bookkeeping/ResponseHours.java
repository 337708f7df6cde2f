package ru.unitecon.core.bookkeeping;

import java.util.List;
import java.util.Locale;

/**
 * The response counters by hour of the day a lead was created, in the portal's zone, kept in the month × channel
 * cell of its creation: {@code h07leads}, {@code h07respondedIn5}, {@code h07respondedIn15}. At most 72 counters a
 * cell, so the hours read with the month as every other monthly figure does.
 */
public final class ResponseHours {
    /** The measures kept by hour: all leads of the hour, answered within 5 and within 15 minutes. */
    public static final List<Measure> MEASURES =
            List.of(Measure.LEADS, Measure.RESPONDED_IN_5, Measure.RESPONDED_IN_15);

    private ResponseHours() {
    }

    public static String name(int hour, Measure measure) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("an hour of the day is 0 to 23");
        }
        if (!MEASURES.contains(measure)) {
            throw new IllegalArgumentException("not kept by hour: " + measure);
        }
        return String.format(Locale.ROOT, "h%02d%s", hour, measure.attribute());
    }
}
