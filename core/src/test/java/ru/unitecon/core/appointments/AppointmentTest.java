package ru.unitecon.core.appointments;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppointmentTest {
    private static final Instant TEN_AM = Instant.parse("2026-05-10T07:00:00Z");

    @Test
    void aBookedVisitCanBeConfirmedThenAttendedAndRemembersTheConfirmation() {
        Appointment visit = Appointment.booked(TEN_AM)
                .moveTo(AppointmentState.CONFIRMED)
                .moveTo(AppointmentState.ATTENDED);

        assertEquals(AppointmentState.ATTENDED, visit.state());
        assertTrue(visit.everConfirmed());
    }

    @Test
    void aClosedVisitCannotBeReopenedAtTheSameTime() {
        Appointment attended = Appointment.booked(TEN_AM).moveTo(AppointmentState.ATTENDED);

        assertThrows(IllegalAppointmentTransition.class, () -> attended.moveTo(AppointmentState.BOOKED));
        assertThrows(IllegalAppointmentTransition.class, () -> attended.moveTo(AppointmentState.CANCELLED));
    }

    @Test
    void aNoShowMarkedByMistakeCanBeCorrectedToAttended() {
        Appointment visit = Appointment.booked(TEN_AM).moveTo(AppointmentState.NO_SHOW);

        assertEquals(AppointmentState.ATTENDED, visit.moveTo(AppointmentState.ATTENDED).state());
    }

    @Test
    void aRescheduleIsAFreshBookingAtTheNewTime() {
        Appointment confirmed = Appointment.booked(TEN_AM).moveTo(AppointmentState.CONFIRMED);

        Appointment moved = confirmed.reschedule(TEN_AM.plusSeconds(86_400));

        assertEquals(AppointmentState.BOOKED, moved.state());
        assertFalse(moved.everConfirmed());
        assertThrows(IllegalAppointmentTransition.class,
                () -> confirmed.moveTo(AppointmentState.ATTENDED).reschedule(TEN_AM.plusSeconds(60)));
    }

    @Test
    void observingANewTimeReschedulesAndTheCrmStateIsAlwaysTaken() {
        Appointment attended = Appointment.booked(TEN_AM).moveTo(AppointmentState.ATTENDED);

        assertEquals(AppointmentState.BOOKED, attended.observe(TEN_AM.plusSeconds(3600), AppointmentState.BOOKED).state());
        assertEquals(AppointmentState.CANCELLED, attended.observe(TEN_AM, AppointmentState.CANCELLED).state(),
                "the CRM is the source of truth, even for a correction the domain would not make itself");
    }

    @Test
    void theMonthOfAVisitIsThePortalsLocalMonth() {
        Appointment lateOnTheLastDay = Appointment.booked(Instant.parse("2026-05-31T20:30:00Z"));

        assertEquals(YearMonth.of(2026, 5), lateOnTheLastDay.month(ZoneId.of("Europe/Moscow")));
        assertEquals(YearMonth.of(2026, 6), lateOnTheLastDay.month(ZoneId.of("Asia/Novosibirsk")));
    }
}
