package ru.unitecon.core.portal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * When and how the app reminds about appointments. The seeds' practice: reminders 24 h and 3 h before the visit,
 * never at night, a manager asked to mark the visit soon after its time, and a rebooking offer after a no-show.
 *
 * @param offsets        how long before the visit each reminder goes out, longest first
 * @param quietFrom      start of the night in the portal's time zone (no reminders from then)
 * @param quietUntil     end of the night (reminders allowed again from then)
 * @param markAfter      how long after the visit time the manager is asked to mark attended or no-show
 * @param noShowOffer    the offer text of the rebooking to-do after a no-show; blank sends the to-do without one
 */
public record ReminderPolicy(List<Duration> offsets, LocalTime quietFrom, LocalTime quietUntil, Duration markAfter,
                             String noShowOffer) {

    public static final int MAX_OFFSETS = 4;
    public static final Duration MAX_OFFSET = Duration.ofDays(7);
    public static final int MAX_OFFER_LENGTH = 500;
    /**
     * How late a reminder may still go out after its moment. A later one (the scheduler was down, or the app first
     * saw the visit at install, long after the moment) is skipped: "tomorrow at 15:38" an hour before the visit
     * misleads the client, and the next reminder, or none, is better.
     */
    public static final Duration LATE_GRACE = Duration.ofMinutes(30);

    public ReminderPolicy {
        Objects.requireNonNull(offsets, "offsets");
        if (offsets.size() > MAX_OFFSETS) {
            throw new IllegalArgumentException("at most " + MAX_OFFSETS + " reminders per appointment");
        }
        for (Duration offset : offsets) {
            if (offset.compareTo(Duration.ofMinutes(15)) < 0 || offset.compareTo(MAX_OFFSET) > 0) {
                throw new IllegalArgumentException("a reminder goes out 15 minutes to 7 days before the visit");
            }
        }
        if (offsets.stream().distinct().count() != offsets.size()) {
            throw new IllegalArgumentException("two reminders at the same offset");
        }
        offsets = offsets.stream().sorted((a, b) -> b.compareTo(a)).toList();
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (quietFrom.equals(quietUntil)) {
            throw new IllegalArgumentException("quiet hours must have a start and an end that differ");
        }
        Objects.requireNonNull(markAfter, "markAfter");
        if (markAfter.isNegative() || markAfter.compareTo(Duration.ofDays(2)) > 0) {
            throw new IllegalArgumentException("the visit is marked 0 to 48 hours after its time");
        }
        noShowOffer = noShowOffer == null ? "" : noShowOffer.strip();
        if (noShowOffer.length() > MAX_OFFER_LENGTH) {
            throw new IllegalArgumentException("the offer text is at most " + MAX_OFFER_LENGTH + " characters");
        }
    }

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(Duration.ofHours(24), Duration.ofHours(3)), LocalTime.of(22, 0),
                LocalTime.of(8, 0), Duration.ofHours(2), "Скидка 10 % на следующий визит");
    }

    /** Whether a local time falls into the night; the night may wrap midnight (22:00–08:00) or not (00:00–07:00). */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom.isBefore(quietUntil)) {
            return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        }
        return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
