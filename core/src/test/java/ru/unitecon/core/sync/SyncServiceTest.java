package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.InMemoryChangeQueue;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the sync makes of queued changes, on the simulated portal and DynamoDB Local (no Lambda, no SQS). */
class SyncServiceTest {

    @Test
    void burstOfAThousandLeadUpdatesIsStoredWithinThirtyRestCalls() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(11, 1_000))) {
            app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(1_000);
            app.portal.calls().clear();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertTrue(deliveries.messages() >= 1_000, "the changes, and the compact messages of what each run left");
            assertEquals(0, deliveries.failures());
            assertTrue(app.portal.calls().count() <= 25, app.portal.calls().count() + " REST calls");
            assertEquals(1_000, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void refusalsForTheRateLimitSendChangesBackUntilAllAreStored() {
        // A smaller burst than our limiter assumes, and no waiting inside a call: refusals reach the queue.
        SimulatorOptions tight = SimulatorOptions.defaults().withRateLimit(11, 2.0);
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(3, 200),
                tight, 0)) {
            // Without the biconnector and bizproc scopes the install's BI Builder and robot registrations are one
            // refused call each, so the install leaves the portal's small burst spent and our limiter none the
            // wiser, as this test needs.
            app.portal.appScope("crm,im,placement,user_brief");
            InMemoryChangeQueue.Deliveries backfill = app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(200);

            InMemoryChangeQueue.Deliveries updates = app.sync();

            assertTrue(app.portal.calls().all().stream().anyMatch(call -> call.httpStatus() == 503));
            assertTrue(backfill.failures() + updates.failures() > 0, "refused changes come back from the queue");
            assertEquals(app.portal.seed().dataset().deals().size(), app.storedDeals());
            assertEquals(0, app.queue.size());
            assertEquals(List.of(), app.queue.deadLetters());
            assertEquals(200, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void expiredAccessTokenIsRefreshedDuringTheSync() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(5, 120))) {
            app.installAndBackfill();
            String before = app.services.portals().load(app.memberId()).orElseThrow().accessToken();
            Instant updatedAt = app.editEveryLead(120);
            app.simulator.expireAllAccessTokens();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertNotEquals(before, app.services.portals().load(app.memberId()).orElseThrow().accessToken());
            assertEquals(120, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void refusedRefreshTokenMarksThePortalForReconnectionAndDropsItsChanges() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            app.editEveryLead(3);
            app.portal.revokeRefreshTokens();
            app.simulator.expireAllAccessTokens();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertEquals(0, app.queue.size());
            assertEquals(InstallationStatus.NEEDS_RECONNECT,
                    app.services.portals().find(app.memberId()).orElseThrow().status());
        }
    }

    @Test
    void duplicateReorderedAndLateChangesLeaveTheLatestState() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(9, 60))) {
            app.installAndBackfill();
            long leads = app.aggregateLeads();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "1000.00"));
            app.changed(CrmEntity.LEAD, 5);
            app.changed(CrmEntity.LEAD, 5);
            app.sync();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "2000.00"));
            Instant latest = app.clock.instant();
            app.changed(CrmEntity.LEAD, 5);
            app.portal.deleteLead(6);
            app.deleted(CrmEntity.LEAD, 6);
            app.changed(CrmEntity.LEAD, 6);
            app.changed(CrmEntity.LEAD, 5);

            app.sync();
            app.changed(CrmEntity.LEAD, 6);
            app.sync();

            LeadRecord five = app.services.recordStore().records().lead(app.memberId(), 5).orElseThrow();
            assertEquals(latest.getEpochSecond(), five.modified().getEpochSecond());
            assertTrue(app.services.recordStore().records().lead(app.memberId(), 6).orElseThrow().deleted());
            assertEquals(leads - 1, app.aggregateLeads());
        }
    }
}
