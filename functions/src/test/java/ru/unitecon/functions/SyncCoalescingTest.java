package ru.unitecon.functions;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.store.SyncStateStore;
import ru.unitecon.core.sync.SyncPace;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatedPortal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one sync run does with the changes it is handed: each portal's ids merged so that a lead named by many
 * events is fetched once, the user-field mapping taken from the portal's SYNC item instead of asked for, edits
 * within one second both applied, and one portal's burst or rate limit never holding up another portal.
 */
class SyncCoalescingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USERFIELD_LIST = "crm.lead.userfield.list";

    private static LeadRecord lead(AppOnSimulatedPortal app, String member, long id) {
        return app.recordStore.records().lead(member, id).orElseThrow();
    }

    @Test
    void fiftyLeadsChangedTwiceEachCostOneBatchRequestAndNoFieldLookup() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(71, 60))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.calls().clear();
            LongStream.rangeClosed(1, 50).forEach(id -> {
                app.portal.updateLead(id, Map.of("UTM_SOURCE", "telegram"));
                app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
                app.portal.updateLead(id, Map.of("OPPORTUNITY", "1234.00"));
                app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
            });

            LocalQueue.Deliveries deliveries = app.sync();

            assertEquals(100, deliveries.messages());
            assertEquals(1, app.portal.calls().count(), "one batch of fifty crm.lead.get");
            assertEquals(50, app.portal.calls().count("crm.lead.get"));
            assertEquals(0, app.portal.calls().count(USERFIELD_LIST));
            LongStream.rangeClosed(1, 50).forEach(id -> {
                assertEquals(Channel.TELEGRAM, lead(app, app.memberId(), id).channel());
                assertEquals(0, new BigDecimal("1234").compareTo(lead(app, app.memberId(), id).amount().value()));
            });
        }
    }

    @Test
    void twoEditsWithinOneSecondEndInTheSecondOnesContent() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(72, 30))) {
            app.installAndBackfill();
            app.clock.set(app.clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
            app.portal.updateLead(5, Map.of("UTM_SOURCE", "telegram"));
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);
            app.sync();
            assertEquals(Channel.TELEGRAM, lead(app, app.memberId(), 5).channel());

            // An automation rule 300 ms after the manager's save: the same DATE_MODIFY second.
            app.clock.advance(Duration.ofMillis(300));
            app.portal.updateLead(5, Map.of("UTM_SOURCE", "vk", "OPPORTUNITY", "5000.00"));
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);
            app.sync();

            LeadRecord five = lead(app, app.memberId(), 5);
            assertEquals(Channel.VK, five.channel());
            assertEquals(0, new BigDecimal("5000").compareTo(five.amount().value()));
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
        }
    }

    @Test
    void theFieldMappingIsReadAgainWhenTheSettingsNameOtherFieldsAndThenKept() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(73, 30))) {
            app.installAndBackfill();
            String member = app.memberId();
            app.settings.save(member, app.settings.load(member).withAppointmentFields(
                    new AppointmentFields(AppointmentFieldMapping.TIME_FIELD, null, Map.of())));
            app.portal.calls().clear();

            editAndSync(app, 3);
            editAndSync(app, 4);

            assertEquals(1, app.portal.calls().count(USERFIELD_LIST), "once for the new settings, then kept");
        }
    }

    @Test
    void aRecordWithAnItemTheKeptMappingDoesNotKnowHasTheMappingReadAgainOnce() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(74, 30))) {
            app.installAndBackfill();
            String member = app.memberId();
            outdateTheKeptLeadStates(app, member);
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.calls().clear();
            String confirmed = app.portal.enumerationItem(CrmEntityType.LEAD, AppointmentFieldMapping.STATE_FIELD,
                    "CONFIRMED");
            LongStream.of(3, 4).forEach(id -> {
                app.portal.updateLead(id, Map.of(AppointmentFieldMapping.TIME_FIELD, "2026-12-01T15:30:00+03:00",
                        AppointmentFieldMapping.STATE_FIELD, confirmed));
                app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
            });

            app.sync();
            editAndSync(app, 5);

            assertEquals(1, app.portal.calls().count(USERFIELD_LIST));
            LongStream.of(3, 4).forEach(id ->
                    assertEquals(AppointmentState.CONFIRMED, lead(app, member, id).appointment().state()));
        }
    }

    @Test
    void aBurstOfOnePortalIsCarriedOverCompactlyAndDoesNotHoldUpAnotherPortalInTheSameBatch() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(75, 500))) {
            app.installAndBackfill();
            SimulatedPortal quiet = app.installAnotherPortal(DatasetGenerator.generate(76, 20));
            app.editEveryLead(500);
            quiet.updateLead(2, Map.of("OPPORTUNITY", "2222.00"));
            quiet.deliverEvent("ONCRMLEADUPDATE", 2, false);
            app.portal.calls().clear();

            LocalQueue.Deliveries first = app.queue.deliverTo(app.syncHandler, 1);

            assertEquals(501, first.messages());
            assertEquals(0, first.failures());
            assertEquals(0, new BigDecimal("2222").compareTo(lead(app, quiet.memberId(), 2).amount().value()),
                    "the quiet portal's change is stored in the first run");
            int perRun = AppOnSimulatedPortal.PACE.chunksPerPortal() * 50;
            assertEquals(perRun, edited(app));
            assertEquals(1, app.queue.size(), "the rest of the burst waits as one compact message");

            app.sync();

            assertEquals(500, edited(app));
            assertEquals(10, app.portal.calls().count(), "fifty leads per batch request, carried over or not");
        }
    }

    @Test
    void aPortalWhoseRateLimitWouldHoldUpTheRunWaitsInTheQueueWhileTheOthersAreServed() {
        SyncPace pace = AppOnSimulatedPortal.PACE.withDeferAbove(Duration.ofMillis(100));
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(77, 30), pace)) {
            app.installAndBackfill();
            SimulatedPortal other = app.installAnotherPortal(DatasetGenerator.generate(78, 20));
            app.clock.advance(Duration.ofMinutes(1));
            for (SimulatedPortal portal : List.of(app.portal, other)) {
                portal.updateLead(1, Map.of("OPPORTUNITY", "3333.00"));
                portal.deliverEvent("ONCRMLEADUPDATE", 1, false);
            }
            for (int i = 0; i < 50; i++) {
                app.limits.acquire(app.memberId());
            }

            LocalQueue.Deliveries first = app.queue.deliverTo(app.syncHandler, 1);

            assertEquals(0, first.failures());
            assertEquals(0, new BigDecimal("3333").compareTo(lead(app, other.memberId(), 1).amount().value()));
            assertTrue(new BigDecimal("3333").compareTo(lead(app, app.memberId(), 1).amount().value()) != 0);
            assertEquals(1, app.queue.size(), "held until the portal's limit allows a call");

            app.sync();

            assertEquals(0, new BigDecimal("3333").compareTo(lead(app, app.memberId(), 1).amount().value()));
            assertTrue(app.portal.calls().all().stream().noneMatch(call -> call.httpStatus() == 503));
        }
    }

    private static long edited(AppOnSimulatedPortal app) {
        return app.liveLeads().stream().filter(lead -> lead.amount().value().compareTo(new BigDecimal("777")) == 0).count();
    }

    private static void editAndSync(AppOnSimulatedPortal app, long leadId) {
        app.clock.advance(Duration.ofMinutes(1));
        app.portal.updateLead(leadId, Map.of("OPPORTUNITY", "4444.00"));
        app.portal.deliverEvent("ONCRMLEADUPDATE", leadId, false);
        app.sync();
    }

    /** The kept mapping as if read before the portal's items were made again: it knows none of today's items. */
    private static void outdateTheKeptLeadStates(AppOnSimulatedPortal app, String member) {
        SyncStateStore.State state = app.stores.state().load(member);
        try {
            ObjectNode kept = (ObjectNode) JSON.readTree(state.fields());
            ObjectNode lead = (ObjectNode) kept.get("LEAD");
            ObjectNode renamed = JSON.createObjectNode();
            lead.path("states").properties().forEach(e -> renamed.set("9" + e.getKey(), e.getValue()));
            lead.set("states", renamed);
            lead.putArray("other");
            app.stores.state().saveFields(member, state.fieldsFor(), kept.toString());
        } catch (JacksonException e) {
            throw new AssertionError(e);
        }
    }
}
