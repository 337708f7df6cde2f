package ru.unitecon.core.appointments;

public class IllegalAppointmentTransition extends RuntimeException {
    public IllegalAppointmentTransition(AppointmentState from, AppointmentState to) {
        super("an appointment cannot move from " + from + " to " + to);
    }

    public IllegalAppointmentTransition(String message) {
        super(message);
    }
}
