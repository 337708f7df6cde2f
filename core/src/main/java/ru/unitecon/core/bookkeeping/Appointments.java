package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.crm.AppointmentObservation;

import java.time.Instant;
import java.time.ZoneId;

/** Carries a record's appointment history forward from one snapshot to the next. */
final class Appointments {
    private Appointments() {
    }

    /**
     * @param observedAt the snapshot's DATE_MODIFY: a time seen for the first time was booked then
     * @param zone       the portal's zone, which places a date-only visit at the start of its date
     */
    static Appointment follow(Appointment previous, AppointmentObservation observed, Instant observedAt,
                              ZoneId zone) {
        if (observed == null) {
            return null;
        }
        if (previous == null) {
            return new Appointment(observed.at(zone), observed.state(), false, observedAt);
        }
        return previous.observe(observed.at(zone), observed.state(), observedAt);
    }
}
