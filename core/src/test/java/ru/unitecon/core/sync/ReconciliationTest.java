package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.RecordedCall;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler's safety net, on the simulated portal and DynamoDB Local: changes whose events never arrived are
 * found by DATE_MODIFY and applied, and deletes whose events were lost (invisible to DATE_MODIFY: the record is
 * gone) are found by the daily comparison of the portal's ids with the stored ones, which the sync runs.
 */
class ReconciliationTest {

    @Test
    void anUpdateThePortalNeverDeliveredIsFoundAndApplied() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(13, 80))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(10));
            app.portal.updateLead(7, Map.of("OPPORTUNITY", "4321.00"));
            Instant updatedAt = app.clock.instant();
            app.clock.advance(Duration.ofMinutes(10));
            Instant startedAt = app.clock.instant();

            ReconciliationReport report = app.services.reconciliation().run();

            assertEquals(1, report.portals());
            assertTrue(report.records() >= 1);
            assertEquals(updatedAt.getEpochSecond(), app.services.recordStore().records().lead(app.memberId(), 7)
                    .orElseThrow().modified().getEpochSecond());
            assertEquals(startedAt, app.services.portals().find(app.memberId()).orElseThrow().lastReconciledAt());
        }
    }

    @Test
    void aLeadAndADealDeletedWhileTheirEventsWereLostLeaveTheNumbers() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(81, 120))) {
            app.installAndBackfill();
            int leads = app.liveLeads().size();
            long deals = app.storedDeals();
            app.portal.deleteLead(3);
            app.portal.deleteLead(77);
            app.portal.deleteDeal(2);
            app.clock.advance(Duration.ofDays(1).plusMinutes(5));

            app.services.reconciliation().run();
            app.sync();

            assertTrue(app.services.recordStore().records().lead(app.memberId(), 3).orElseThrow().deleted());
            assertTrue(app.services.recordStore().records().lead(app.memberId(), 77).orElseThrow().deleted());
            assertTrue(app.services.recordStore().records().deal(app.memberId(), 2).orElseThrow().deleted());
            assertEquals(leads - 2, app.liveLeads().size());
            assertEquals(deals - 1, app.storedDeals());
            assertEquals(leads - 2, app.aggregateLeads());
            assertEquals(app.recomputedAggregates(), app.storedAggregates());
        }
    }

    @Test
    void theCheckOfIdsPagesIdsOnlyInBatchesAndRunsAtMostOnceADay() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(82, 120))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofHours(23));
            app.portal.calls().clear();

            reconcileAndSync(app);
            assertEquals(0, idPages(app).size(), "not before the portal has been installed a day");

            app.clock.advance(Duration.ofHours(2));
            reconcileAndSync(app);
            List<RecordedCall> pages = idPages(app);
            assertEquals(3, pages.stream().filter(call -> call.method().equals("crm.lead.list")).count(),
                    "120 leads: two full pages and the short last one, no page past the end, in one batch request");
            for (RecordedCall page : pages) {
                assertTrue(page.insideBatch());
                assertEquals("-1", String.valueOf(page.params().get("start")));
                assertTrue(filter(page).containsKey(">ID"), page.params().toString());
            }
            long checkRequests = app.portal.calls().all().stream()
                    .filter(call -> !call.insideBatch() && call.method().equals("batch")).count();

            app.clock.advance(Duration.ofHours(12));
            reconcileAndSync(app);
            assertEquals(pages.size(), idPages(app).size(), "no second check within the day");

            app.clock.advance(Duration.ofHours(12));
            reconcileAndSync(app);
            assertTrue(idPages(app).size() > pages.size(), "the next day's check");
            assertTrue(checkRequests <= 3, checkRequests + " batch requests for leads and deals");
            assertNotNull(app.services.syncState().load(app.memberId()).idsCheckedAt());
        }
    }

    @Test
    void aPortalLeftIdleFor150DaysGetsANewTokenPairAndStaysConnected() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(83, 20))) {
            app.installAndBackfill();
            String installed = app.services.portals().load(app.memberId()).orElseThrow().refreshToken();
            app.clock.advance(Duration.ofDays(151));

            ReconciliationReport report = app.services.reconciliation().run();

            assertEquals(new ReconciliationReport(1, 0, report.records()), report);
            assertNotEquals(installed, app.services.portals().load(app.memberId()).orElseThrow().refreshToken());
            assertEquals(InstallationStatus.INSTALLED, app.services.portals().find(app.memberId()).orElseThrow().status());
        }
    }

    @Test
    void aRecountWhoseMessageWasLostIsQueuedAgainOnceOverdue() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(84, 20))) {
            app.installAndBackfill();
            // Marked as Recounts.request marks it, but the RECOUNT message never reached the queue.
            app.services.syncState().requestRecount(app.memberId(), app.clock.instant());

            app.clock.advance(Duration.ofMinutes(5));
            app.services.reconciliation().run();
            boolean queuedEarly = app.queue.messages().contains(ChangeMessage.recount(app.memberId()));
            app.clock.advance(Duration.ofMinutes(6));
            app.services.reconciliation().run();
            boolean queuedOverdue = app.queue.messages().contains(ChangeMessage.recount(app.memberId()));
            app.sync();

            assertFalse(queuedEarly, "not while the recount may still be on its way");
            assertTrue(queuedOverdue);
            assertEquals(Optional.empty(), app.services.recounts().pending(app.memberId()));
            assertEquals(app.recomputedAggregates(), app.storedAggregates());
        }
    }

    private static void reconcileAndSync(ServicesOnSimulatedPortal app) {
        app.services.reconciliation().run();
        app.sync();
    }

    /** The list calls of the check: they select the ID alone. */
    private static List<RecordedCall> idPages(ServicesOnSimulatedPortal app) {
        return app.portal.calls().all().stream()
                .filter(call -> call.method().endsWith(".list") && List.of("ID").equals(call.params().get("select")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filter(RecordedCall call) {
        return (Map<String, Object>) call.params().get("filter");
    }
}
