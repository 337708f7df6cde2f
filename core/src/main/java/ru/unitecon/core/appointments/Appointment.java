package ru.unitecon.core.appointments;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A visit: the instant it is booked for, its state, and whether it was ever confirmed (confirmation rate counts
 * confirmations, and a confirmed visit that was then attended was still confirmed). Local times are always derived
 * with the portal's zone, never stored.
 *
 * @param bookedAt when the CRM first showed this time (the record's DATE_MODIFY then), or null when unknown; a
 *                 reminder whose moment had already passed by then is skipped
 */
public record Appointment(Instant time, AppointmentState state, boolean everConfirmed, Instant bookedAt) {

    public Appointment {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        everConfirmed = everConfirmed || state == AppointmentState.CONFIRMED;
    }

    public Appointment(Instant time, AppointmentState state, boolean everConfirmed) {
        this(time, state, everConfirmed, null);
    }

    public static Appointment booked(Instant time) {
        return new Appointment(time, AppointmentState.BOOKED, false);
    }

    public Appointment moveTo(AppointmentState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalAppointmentTransition(state, target);
        }
        return new Appointment(time, target, everConfirmed, bookedAt);
    }

    /** A new time is a new booking: confirmation and outcome start over. An attended visit is history. */
    public Appointment reschedule(Instant newTime) {
        if (state == AppointmentState.ATTENDED) {
            throw new IllegalAppointmentTransition("an attended visit cannot be rescheduled; book a new one");
        }
        return booked(newTime);
    }

    /**
     * Folds what the CRM now shows into this appointment. The CRM is the source of truth, so an observation is
     * never refused: a new time is a reschedule (or, after an attended visit, a new booking), a legal state change
     * is applied, and anything else is taken as the manager's correction of the record.
     */
    public Appointment observe(Instant observedTime, AppointmentState observedState) {
        return observe(observedTime, observedState, null);
    }

    /** As {@link #observe(Instant, AppointmentState)}; a new time counts as booked at {@code observedAt}. */
    public Appointment observe(Instant observedTime, AppointmentState observedState, Instant observedAt) {
        Objects.requireNonNull(observedTime, "observedTime");
        Objects.requireNonNull(observedState, "observedState");
        if (!observedTime.equals(time)) {
            return new Appointment(observedTime, observedState, false, observedAt);
        }
        if (state.canMoveTo(observedState)) {
            return moveTo(observedState);
        }
        return new Appointment(time, observedState, everConfirmed, bookedAt);
    }

    public ZonedDateTime localTime(ZoneId zone) {
        return time.atZone(zone);
    }

    public YearMonth month(ZoneId zone) {
        return YearMonth.from(time.atZone(zone));
    }
}
