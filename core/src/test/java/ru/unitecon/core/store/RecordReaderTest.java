package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordReaderTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant VISIT = Instant.parse("2026-03-05T12:00:00Z");

    private final RecordStore recordStore = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
    private final RecordReader records = new RecordReader(LocalDynamo.client(), LocalDynamo.TABLE);
    private final PortalSettings settings = PortalSettings.defaults();
    private final String member = LocalDynamo.freshMemberId();

    private void lead(long id, LeadSource source, AppointmentObservation visit) {
        recordStore.apply(member, settings, new LeadSnapshot(id, CREATED.plusSeconds(id), CREATED.plusSeconds(id), source,
                Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 1L, visit));
    }

    @Test
    void visitsAreTheAppointmentsOfLiveLeadsAndDeals() {
        lead(1, LeadSource.ofUtm("vk", null, null), new AppointmentObservation(VISIT, AppointmentState.CONFIRMED));
        lead(2, LeadSource.ofUtm("ig", null, null), null);
        lead(3, LeadSource.ofSourceId("CALL"), new AppointmentObservation(VISIT, AppointmentState.BOOKED));
        recordStore.deleteLead(member, settings, 3, CREATED.plusSeconds(600));
        recordStore.apply(member, settings, new DealSnapshot(7, CREATED, CREATED, LeadSource.ofSourceId("CALL"),
                Semantic.IN_PROGRESS, 70L, null, BigDecimal.ZERO, null, 1L,
                new AppointmentObservation(VISIT.plusSeconds(3600), AppointmentState.NO_SHOW)));

        List<ScheduledVisit> visits = records.visits(member).stream()
                .sorted(Comparator.comparing(ScheduledVisit::holder)).toList();

        assertEquals(2, visits.size());
        assertEquals(new ScheduledVisit(ScheduledVisit.Holder.LEAD, 1, Channel.VK,
                records.lead(member, 1).orElseThrow().appointment()), visits.get(0));
        assertEquals(ScheduledVisit.Holder.DEAL, visits.get(1).holder());
        assertEquals(7, visits.get(1).recordId());
        assertEquals(AppointmentState.NO_SHOW, visits.get(1).appointment().state());
        assertEquals(Channel.CALL, visits.get(1).channel());
    }

    @Test
    void leadSourcesAreEveryLiveLeadsOriginAndChannel() {
        LeadSource tagged = new LeadSource("WEB", "ig", "cpc", "spring", "banner", "brows");
        lead(1, tagged, null);
        lead(2, LeadSource.NONE, null);
        lead(3, LeadSource.ofSourceId("CALL"), null);
        recordStore.deleteLead(member, settings, 3, CREATED.plusSeconds(600));

        List<SourcedLead> leads = records.leadSources(member).stream()
                .sorted(Comparator.comparingLong(SourcedLead::id)).toList();

        assertEquals(List.of(new SourcedLead(1, CREATED.plusSeconds(1), tagged, Channel.INSTAGRAM),
                new SourcedLead(2, CREATED.plusSeconds(2), LeadSource.NONE, Channel.UNKNOWN)), leads);
    }

    @Test
    void anotherPortalsRecordsAreNotRead() {
        lead(1, LeadSource.ofUtm("vk", null, null), new AppointmentObservation(VISIT, AppointmentState.BOOKED));

        String other = LocalDynamo.freshMemberId();
        assertTrue(records.visits(other).isEmpty());
        assertTrue(records.leadSources(other).isEmpty());
    }
}
