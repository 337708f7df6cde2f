package ru.unitecon.core.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the scheduler owes one appointment now: a reminder at one of the policy's offsets, the request to mark a
 * past visit, or the rebooking follow-up after a no-show. Each is owed once per visit time, so a rescheduled
 * visit owes its reminders again and the old time's ones are gone.
 *
 * @param offset how long before the visit, for a reminder; null otherwise
 */
public record DueAction(Kind kind, Instant visit, Duration offset) {
    public enum Kind { REMINDER, MARK_VISIT, NO_SHOW_FOLLOW_UP }

    public DueAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(visit, "visit");
        if ((kind == Kind.REMINDER) != (offset != null)) {
            throw new IllegalArgumentException("a reminder, and only a reminder, has an offset");
        }
    }

    public static DueAction reminder(Instant visit, Duration offset) {
        return new DueAction(Kind.REMINDER, visit, offset);
    }

    public static DueAction markVisit(Instant visit) {
        return new DueAction(Kind.MARK_VISIT, visit, null);
    }

    public static DueAction noShowFollowUp(Instant visit) {
        return new DueAction(Kind.NO_SHOW_FOLLOW_UP, visit, null);
    }

    /** The claim's name: {@code PT24H} for a reminder, {@code MARK} or {@code NO_SHOW} for the follow-ups. */
    public String claimName() {
        return switch (kind) {
            case REMINDER -> offset.toString();
            case MARK_VISIT -> "MARK";
            case NO_SHOW_FOLLOW_UP -> "NO_SHOW";
        };
    }

    /** {@code 24h}, {@code 3h}, {@code 90m}: what the reminder field shows and automation rules test for. */
    public static String offsetLabel(Duration offset) {
        if (offset.toMinutesPart() == 0 && offset.toSecondsPart() == 0) {
            return offset.toHours() + "h";
        }
        return String.format(Locale.ROOT, "%dm", offset.toMinutes());
    }
}
