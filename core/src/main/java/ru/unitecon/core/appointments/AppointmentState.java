package ru.unitecon.core.appointments;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a visit stands. Booked and confirmed are open; attended, no-show and cancelled close it.
 * A reschedule (a new time) opens a fresh booking, which is why {@code BOOKED} is reachable from every state
 * but attended through {@link Appointment#reschedule}.
 */
public enum AppointmentState {
    BOOKED, CONFIRMED, ATTENDED, NO_SHOW, CANCELLED;

    public boolean isOpen() {
        return this == BOOKED || this == CONFIRMED;
    }

    /** The state changes a manager or the portal may make at the same appointment time. */
    public Set<AppointmentState> next() {
        return switch (this) {
            case BOOKED -> EnumSet.of(CONFIRMED, ATTENDED, NO_SHOW, CANCELLED);
            case CONFIRMED -> EnumSet.of(ATTENDED, NO_SHOW, CANCELLED);
            // A manager who clicked the wrong button corrects it; the visit time itself stays.
            case ATTENDED -> EnumSet.of(NO_SHOW);
            case NO_SHOW -> EnumSet.of(ATTENDED);
            case CANCELLED -> EnumSet.of(BOOKED);
        };
    }

    public boolean canMoveTo(AppointmentState target) {
        return this == target || next().contains(target);
    }
}
