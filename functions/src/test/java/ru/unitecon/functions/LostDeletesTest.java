package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.RecordedCall;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delete whose event never arrived: reconciliation by DATE_MODIFY cannot see it (the record is gone), so once a
 * day the scheduler has the sync compare the portal's ids with the stored ones, and what the portal no longer has
 * leaves the numbers.
 */
class LostDeletesTest {

    @Test
    void aLeadAndADealDeletedWhileTheirEventsWereLostLeaveTheNumbers() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(81, 120))) {
            app.installAndBackfill();
            int leads = app.liveLeads().size();
            long deals = app.storedDeals();
            app.portal.deleteLead(3);
            app.portal.deleteLead(77);
            app.portal.deleteDeal(2);
            app.clock.advance(Duration.ofDays(1).plusMinutes(5));
            app.portal.calls().clear();

            app.schedulerHandler.handleRequest(null, null);
            app.sync();

            assertTrue(app.ledger.records().lead(app.memberId(), 3).orElseThrow().deleted());
            assertTrue(app.ledger.records().lead(app.memberId(), 77).orElseThrow().deleted());
            assertTrue(app.ledger.records().deal(app.memberId(), 2).orElseThrow().deleted());
            assertEquals(leads - 2, app.liveLeads().size());
            assertEquals(deals - 1, app.storedDeals());
            assertEquals(leads - 2, app.aggregateLeads());
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void theCheckPagesIdsOnlyInBatchesAndRunsAtMostOnceADay() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(82, 120))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofHours(23));
            app.portal.calls().clear();

            app.schedulerHandler.handleRequest(null, null);
            app.sync();
            assertEquals(0, idPages(app).size(), "not before the portal has been installed a day");

            app.clock.advance(Duration.ofHours(2));
            app.schedulerHandler.handleRequest(null, null);
            app.sync();
            List<RecordedCall> pages = idPages(app);
            assertEquals(3, pages.stream().filter(call -> call.method().equals("crm.lead.list")).count(),
                    "120 leads: two full pages and the short last one, no page past the end, in one batch request");
            for (RecordedCall page : pages) {
                assertTrue(page.insideBatch());
                assertEquals("-1", String.valueOf(page.params().get("start")));
                assertTrue(filter(page).containsKey(">ID"), page.params().toString());
            }
            // The scheduler's daily learning of the zone and currencies is a batch request of its own.
            long factsRequests = app.portal.calls().all().stream()
                    .filter(call -> call.insideBatch() && call.method().equals("server.time")).count();
            long checkRequests = app.portal.calls().all().stream()
                    .filter(call -> !call.insideBatch() && call.method().equals("batch")).count() - factsRequests;

            app.clock.advance(Duration.ofHours(12));
            app.schedulerHandler.handleRequest(null, null);
            app.sync();
            assertEquals(pages.size(), idPages(app).size(), "no second check within the day");

            app.clock.advance(Duration.ofHours(12));
            app.schedulerHandler.handleRequest(null, null);
            app.sync();
            assertTrue(idPages(app).size() > pages.size(), "the next day's check");
            assertTrue(checkRequests <= 3, checkRequests + " batch requests for leads and deals");
            assertFalse(app.stores.state().load(app.memberId()).idsCheckedAt() == null);
            assertEquals(List.of(), app.portal.violations());
        }
    }

    /** The list calls of the check: they select the ID alone. */
    private static List<RecordedCall> idPages(AppOnSimulatedPortal app) {
        return app.portal.calls().all().stream()
                .filter(call -> call.method().endsWith(".list") && List.of("ID").equals(call.params().get("select")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filter(RecordedCall call) {
        return (Map<String, Object>) call.params().get("filter");
    }
}
