package ru.unitecon.core.ledger;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.crm.AppointmentObservation;

import java.time.Instant;

/** Carries a record's appointment history forward from one snapshot to the next. */
final class Appointments {
    private Appointments() {
    }

    /** @param observedAt the snapshot's DATE_MODIFY: a time seen for the first time was booked then */
    static Appointment follow(Appointment previous, AppointmentObservation observed, Instant observedAt) {
        if (observed == null) {
            return null;
        }
        if (previous == null) {
            return new Appointment(observed.time(), observed.state(), false, observedAt);
        }
        return previous.observe(observed.time(), observed.state(), observedAt);
    }
}
