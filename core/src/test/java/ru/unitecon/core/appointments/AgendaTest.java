package ru.unitecon.core.appointments;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgendaTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    private static ScheduledVisit lead(long id, String time, AppointmentState state) {
        return new ScheduledVisit(ScheduledVisit.Holder.LEAD, id, "vk",
                new Appointment(Instant.parse(time), state, false));
    }

    private static List<Long> ids(List<ScheduledVisit> visits) {
        return visits.stream().map(ScheduledVisit::recordId).toList();
    }

    @Test
    void upcomingHoldsOpenVisitsFromNowToTheHorizonInTimeOrder() {
        List<ScheduledVisit> visits = List.of(
                lead(1, "2026-03-22T10:00:00Z", AppointmentState.CONFIRMED),
                lead(2, "2026-03-21T10:00:00Z", AppointmentState.BOOKED),
                lead(3, "2026-03-27T09:00:00Z", AppointmentState.BOOKED),
                lead(4, "2026-03-20T08:59:00Z", AppointmentState.BOOKED),
                lead(5, "2026-03-21T11:00:00Z", AppointmentState.CANCELLED),
                lead(6, "2026-03-20T09:00:00Z", AppointmentState.BOOKED));

        Agenda agenda = Agenda.of(visits, NOW, MOSCOW, 7);

        assertEquals(List.of(6L, 2L, 1L), ids(agenda.upcoming()));
    }

    @Test
    void unconfirmedAreTheUpcomingStillOnlyBooked() {
        List<ScheduledVisit> visits = List.of(
                lead(1, "2026-03-22T10:00:00Z", AppointmentState.CONFIRMED),
                lead(2, "2026-03-21T10:00:00Z", AppointmentState.BOOKED),
                lead(3, "2026-03-19T10:00:00Z", AppointmentState.BOOKED));

        assertEquals(List.of(2L), ids(Agenda.of(visits, NOW, MOSCOW, 7).unconfirmed()));
    }

    @Test
    void todaysNoShowsAreTodayInThePortalsZone() {
        // 21:30 UTC on the 19th is already the 20th in Moscow; 21:30 UTC on the 20th is the 21st there.
        List<ScheduledVisit> visits = List.of(
                lead(1, "2026-03-19T21:30:00Z", AppointmentState.NO_SHOW),
                lead(2, "2026-03-20T21:30:00Z", AppointmentState.NO_SHOW),
                lead(3, "2026-03-20T07:00:00Z", AppointmentState.ATTENDED),
                lead(4, "2026-03-19T20:30:00Z", AppointmentState.NO_SHOW),
                lead(5, "2026-03-20T06:00:00Z", AppointmentState.NO_SHOW));

        assertEquals(List.of(1L, 5L), ids(Agenda.of(visits, NOW, MOSCOW, 7).noShowsToday()));
    }

    @Test
    void anAgendaLooksAtLeastOneDayAhead() {
        assertThrows(IllegalArgumentException.class, () -> Agenda.of(List.of(), NOW, MOSCOW, 0));
    }
}
