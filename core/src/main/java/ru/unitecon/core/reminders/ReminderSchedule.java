package ru.unitecon.core.reminders;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.portal.ReminderPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When reminders and follow-ups fall due, as pure functions of the appointment, the portal's policy and zone, and
 * the time now. Quiet hours are in the portal's zone: a reminder whose moment falls into the night goes out in the
 * last allowed minute before the night began.
 */
public final class ReminderSchedule {
    private ReminderSchedule() {
    }

    /**
     * When the reminder {@code offset} before {@code visit} goes out, or empty when it is skipped: its moment had
     * already passed when the visit was booked, or the only allowed moment left is not before the visit. A reminder
     * moved out of the night to a moment before the booking goes out when the night ends instead.
     */
    public static Optional<Instant> sendAt(Instant visit, Instant bookedAt, Duration offset, ReminderPolicy policy,
                                           ZoneId zone) {
        Instant nominal = visit.minus(offset);
        if (bookedAt != null && nominal.isBefore(bookedAt)) {
            return Optional.empty();
        }
        Instant at = outOfQuietHours(nominal, policy, zone);
        if (bookedAt != null && at.isBefore(bookedAt)) {
            at = quietHoursEnd(nominal, policy, zone);
        }
        return at.isBefore(visit) ? Optional.of(at) : Optional.empty();
    }

    /** The moment itself when it is allowed; else the last allowed minute before the night it falls into began. */
    public static Instant outOfQuietHours(Instant moment, ReminderPolicy policy, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        if (!policy.isQuiet(local.toLocalTime())) {
            return moment;
        }
        LocalDateTime nightStart = local.toLocalDate().atTime(policy.quietFrom());
        if (nightStart.isAfter(local.toLocalDateTime())) {
            nightStart = nightStart.minusDays(1);
        }
        return nightStart.minusMinutes(1).atZone(zone).toInstant();
    }

    /** The end of the night a quiet moment falls into. */
    static Instant quietHoursEnd(Instant moment, ReminderPolicy policy, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDateTime nightEnd = local.toLocalDate().atTime(policy.quietUntil());
        if (!nightEnd.isAfter(local.toLocalDateTime())) {
            nightEnd = nightEnd.plusDays(1);
        }
        return nightEnd.atZone(zone).toInstant();
    }

    /**
     * What is owed for this appointment at {@code now}, if anything: for an open visit, the reminder whose moment
     * came last, when that moment is at most {@link ReminderPolicy#LATE_GRACE} ago (when two are due together only
     * the nearer one goes, and a reminder found later than the grace, as for a visit first seen at install, is
     * skipped, never sent late) or, once the visit is {@code markAfter} past, the request to mark it; for a no-show,
     * the rebooking follow-up.
     */
    public static Optional<DueAction> dueAt(Appointment appointment, ReminderPolicy policy, ZoneId zone, Instant now) {
        Instant visit = appointment.time();
        if (appointment.state() == AppointmentState.NO_SHOW) {
            return Optional.of(DueAction.noShowFollowUp(visit));
        }
        if (!appointment.state().isOpen()) {
            return Optional.empty();
        }
        if (!now.isBefore(visit.plus(policy.markAfter()))) {
            return Optional.of(DueAction.markVisit(visit));
        }
        if (!now.isBefore(visit)) {
            return Optional.empty();
        }
        DueAction latest = null;
        Instant latestAt = null;
        for (Duration offset : policy.offsets()) {
            Optional<Instant> at = sendAt(visit, appointment.bookedAt(), offset, policy, zone);
            if (at.isPresent() && !at.get().isAfter(now) && (latestAt == null || at.get().isAfter(latestAt))) {
                latest = DueAction.reminder(visit, offset);
                latestAt = at.get();
            }
        }
        if (latest == null || latestAt.plus(ReminderPolicy.LATE_GRACE).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }
}
