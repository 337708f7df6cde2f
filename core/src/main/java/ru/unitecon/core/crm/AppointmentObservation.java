package ru.unitecon.core.crm;

import ru.unitecon.core.appointments.AppointmentState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The appointment time and state as a CRM record shows them right now: an instant from a datetime field, or a
 * calendar date from a date field, which has no time of day and is never moved through a zone.
 *
 * @param time the visit's instant, or null when the field holds a date only
 * @param date the visit's date as written, or null when the field holds an instant
 */
public record AppointmentObservation(Instant time, LocalDate date, AppointmentState state) {
    public AppointmentObservation {
        if ((time == null) == (date == null)) {
            throw new IllegalArgumentException("an appointment has either a time or a date");
        }
        state = state == null ? AppointmentState.BOOKED : state;
    }

    public AppointmentObservation(Instant time, AppointmentState state) {
        this(time, null, state);
    }

    public static AppointmentObservation onDate(LocalDate date, AppointmentState state) {
        return new AppointmentObservation(null, date, state);
    }

    /** The visit's instant; a date-only visit is placed at the start of its own date in the portal's zone. */
    public Instant at(ZoneId zone) {
        return time != null ? time : date.atStartOfDay(zone).toInstant();
    }
}
