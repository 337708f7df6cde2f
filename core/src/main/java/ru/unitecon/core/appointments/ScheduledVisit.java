package ru.unitecon.core.appointments;

import java.util.Objects;

/**
 * An appointment as the appointments view lists it: which lead or deal holds it, the channel of that record and
 * the visit. No names or phones: the app does not have them.
 */
public record ScheduledVisit(Holder holder, long recordId, String channel, Appointment appointment) {

    /** The CRM record an appointment lives on; its name is the record type in the portal's addresses. */
    public enum Holder { LEAD, DEAL }

    public ScheduledVisit {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(appointment, "appointment");
    }
}
