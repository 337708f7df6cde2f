package ru.unitecon.core.crm;

import ru.unitecon.core.appointments.AppointmentState;

import java.time.Instant;
import java.util.Objects;

/** The appointment time and state as a CRM record shows them right now. */
public record AppointmentObservation(Instant time, AppointmentState state) {
    public AppointmentObservation {
        Objects.requireNonNull(time, "time");
        state = state == null ? AppointmentState.BOOKED : state;
    }
}
