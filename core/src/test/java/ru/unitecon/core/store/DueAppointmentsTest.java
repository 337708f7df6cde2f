package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueAppointmentsTest {
    /** Far from every other test's visits, so the shared index buckets hold only this test's entries. */
    private static final Instant VISIT = Instant.parse("2031-05-07T10:30:00Z");
    private static final Instant BOOKED = Instant.parse("2031-05-01T09:00:00Z");

    private final RecordStore recordStore = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
    private final DueAppointments due = new DueAppointments(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults();

    private void lead(long id, Instant modified, Instant visit, AppointmentState state) {
        recordStore.apply(member, settings, new LeadSnapshot(id, BOOKED, modified, LeadSource.NONE, Semantic.IN_PROGRESS,
                null, BigDecimal.ZERO, 6L, new AppointmentObservation(visit, state)));
    }

    private List<DueAppointments.Entry> mine(Instant from, Instant to) {
        return due.between(from, to).stream().filter(entry -> entry.memberId().equals(member)).toList();
    }

    @Test
    void openVisitsAndNoShowsAreFoundByTheirHourAndClosedOnesLeave() {
        lead(1, BOOKED, VISIT, AppointmentState.BOOKED);
        lead(2, BOOKED, VISIT.plusSeconds(600), AppointmentState.CONFIRMED);
        lead(3, BOOKED, VISIT.plusSeconds(1200), AppointmentState.NO_SHOW);
        lead(4, BOOKED, VISIT.plusSeconds(1800), AppointmentState.ATTENDED);
        lead(5, BOOKED, VISIT.plusSeconds(2400), AppointmentState.CANCELLED);

        assertEquals(List.of(new DueAppointments.Entry(member, "L1", VISIT),
                        new DueAppointments.Entry(member, "L2", VISIT.plusSeconds(600)),
                        new DueAppointments.Entry(member, "L3", VISIT.plusSeconds(1200))),
                mine(VISIT.minusSeconds(7200), VISIT.plusSeconds(7200)));
    }

    @Test
    void aRescheduledVisitMovesToItsNewHourAndKeepsWhenItWasBooked() {
        lead(1, BOOKED, VISIT, AppointmentState.BOOKED);
        Instant movedAt = BOOKED.plusSeconds(86_400);
        Instant newVisit = VISIT.plusSeconds(3 * 3600);

        lead(1, movedAt, newVisit, AppointmentState.BOOKED);

        assertEquals(List.of(), mine(VISIT.minusSeconds(60), VISIT.plusSeconds(3600)));
        assertEquals(List.of(new DueAppointments.Entry(member, "L1", newVisit)),
                mine(newVisit.minusSeconds(60), newVisit.plusSeconds(60)));
        assertEquals(movedAt, recordStore.records().lead(member, 1).orElseThrow().appointment().bookedAt());
    }

    @Test
    void theWindowIsHalfOpen() {
        lead(1, BOOKED, VISIT, AppointmentState.BOOKED);

        assertEquals(List.of(), mine(VISIT.minusSeconds(3600), VISIT));
        assertEquals(1, mine(VISIT, VISIT.plusSeconds(1)).size());
    }
}
