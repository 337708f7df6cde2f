package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ledger.LeadRecord;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.sync.ReconciliationReport;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatorOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncTest {

    @Test
    void burstOfAThousandLeadUpdatesIsStoredWithinThirtyRestCalls() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(11, 1_000))) {
            app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(1_000);
            app.portal.calls().clear();

            LocalQueue.Deliveries deliveries = app.sync();

            assertTrue(deliveries.messages() >= 1_000, "the events, and the compact messages of what each run left");
            assertEquals(0, deliveries.failures());
            assertTrue(app.portal.calls().count() <= 25, app.portal.calls().count() + " REST calls");
            assertEquals(1_000, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void refusalsForTheRateLimitSendChangesBackUntilAllAreStored() {
        // A smaller burst than our limiter assumes, and no waiting inside a call: refusals reach the queue.
        SimulatorOptions tight = SimulatorOptions.defaults().withRateLimit(10, 2.0);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(3, 200), tight, 0)) {
            LocalQueue.Deliveries backfill = app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(200);

            LocalQueue.Deliveries updates = app.sync();

            assertTrue(app.portal.calls().all().stream().anyMatch(call -> call.httpStatus() == 503));
            assertTrue(backfill.failures() + updates.failures() > 0, "refused changes come back from the queue");
            assertEquals(app.portal.seed().dataset().deals().size(), app.storedDeals());
            assertEquals(0, app.queue.size());
            assertEquals(200, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void expiredAccessTokenIsRefreshedDuringTheSync() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(5, 120))) {
            app.installAndBackfill();
            String before = app.portals.load(app.memberId()).orElseThrow().accessToken();
            Instant updatedAt = app.editEveryLead(120);
            app.simulator.expireAllAccessTokens();

            LocalQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertFalse(before.equals(app.portals.load(app.memberId()).orElseThrow().accessToken()));
            assertEquals(120, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void refusedRefreshTokenMarksThePortalForReconnectionAndDropsItsChanges() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            app.editEveryLead(3);
            app.portal.revokeRefreshTokens();
            app.simulator.expireAllAccessTokens();

            LocalQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertEquals(0, app.queue.size());
            assertEquals(PortalStatus.NEEDS_RECONNECT, app.portals.find(app.memberId()).orElseThrow().status());
        }
    }

    @Test
    void duplicateReorderedAndLateEventsLeaveTheLatestState() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(9, 60))) {
            app.installAndBackfill();
            long leads = app.aggregateLeads();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "1000.00"));
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);
            app.sync();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "2000.00"));
            Instant latest = app.clock.instant();
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);
            app.portal.deleteLead(6);
            app.portal.deliverEvent("ONCRMLEADDELETE", 6, false);
            app.portal.deliverEvent("ONCRMLEADUPDATE", 6, false);
            app.portal.deliverEvent("ONCRMLEADUPDATE", 5, false);

            app.sync();
            app.portal.deliverEvent("ONCRMLEADUPDATE", 6, false);
            app.sync();

            LeadRecord five = app.ledger.records().lead(app.memberId(), 5).orElseThrow();
            assertEquals(latest.getEpochSecond(), five.modified().getEpochSecond());
            assertTrue(app.ledger.records().lead(app.memberId(), 6).orElseThrow().deleted());
            assertEquals(leads - 1, app.aggregateLeads());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void reconciliationPicksUpAnUpdateThePortalNeverDelivered() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(13, 80))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(10));
            app.portal.updateLead(7, Map.of("OPPORTUNITY", "4321.00"));
            Instant updatedAt = app.clock.instant();
            app.clock.advance(Duration.ofMinutes(10));
            Instant startedAt = app.clock.instant();

            ReconciliationReport report = app.schedulerHandler.handleRequest(null, null).reconciliation();

            assertEquals(1, report.portals());
            assertTrue(report.records() >= 1);
            assertEquals(updatedAt.getEpochSecond(),
                    app.ledger.records().lead(app.memberId(), 7).orElseThrow().modified().getEpochSecond());
            assertEquals(startedAt, app.portals.find(app.memberId()).orElseThrow().lastReconciledAt());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void uninstallWithoutCleanKeepsTheDataAndForgetsTheTokens() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            int leads = app.liveLeads().size();

            assertEquals(200, app.portal.uninstall(false).orElseThrow().statusCode());
            app.sync();

            assertEquals(PortalStatus.UNINSTALLED, app.portals.find(app.memberId()).orElseThrow().status());
            assertTrue(app.portals.load(app.memberId()).isEmpty());
            assertEquals(leads, app.liveLeads().size());
            assertTrue(leads > 0);
        }
    }

    @Test
    void uninstallWithCleanPurgesThePortal() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();

            assertEquals(200, app.portal.uninstall(true).orElseThrow().statusCode());
            app.sync();

            assertTrue(app.portals.find(app.memberId()).isEmpty());
            assertEquals(List.of(), app.ledger.records().leads(app.memberId()));
            assertEquals(0, app.aggregateLeads());
        }
    }

    /** Edits leads 1..count on the portal a minute after the backfill and delivers their update events. */
}
