package ru.unitecon.core.ledger;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.crm.AppointmentObservation;

/** Carries a record's appointment history forward from one snapshot to the next. */
final class Appointments {
    private Appointments() {
    }

    static Appointment follow(Appointment previous, AppointmentObservation observed) {
        if (observed == null) {
            return null;
        }
        if (previous == null) {
            return new Appointment(observed.time(), observed.state(), false);
        }
        return previous.observe(observed.time(), observed.state());
    }
}
