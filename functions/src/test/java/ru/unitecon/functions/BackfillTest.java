package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.store.BackfillProgress;
import ru.unitecon.simulator.DatasetGenerator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first backfill reads leads and deals as list pages chained in batch requests, a bounded stretch per run, and
 * keeps how far it has come (records done of the portal's count) for the admin UI.
 */
class BackfillTest {

    @Test
    void theBackfillKeepsItsProgressRunByRunAndEndsWithEveryRecordCounted() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(91, 400))) {
            assertEquals(200, app.install().statusCode());
            app.portal.deliverInstallEvent(app.eventsUrl());
            long leads = app.portal.leads().size();
            long deals = app.portal.deals().size();

            app.queue.deliverTo(app.syncHandler, 2);
            app.clock.advance(Duration.ofSeconds(10));

            BackfillProgress first = app.stores.backfills().load(app.memberId()).orElseThrow();
            assertEquals(leads + deals, first.total());
            assertEquals(200, first.done(), "one request of two chained pages for leads, one for deals");
            assertFalse(first.finished());
            assertEquals(Optional.of(Duration.ofMillis((leads + deals - 200) * 10_000 / 200)),
                    first.timeLeft(app.clock.instant()));

            app.sync();

            BackfillProgress done = app.stores.backfills().load(app.memberId()).orElseThrow();
            assertTrue(done.finished());
            assertEquals(leads + deals, done.done());
            assertEquals(leads, app.liveLeads().size());
            assertEquals(deals, app.storedDeals());
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
        }
    }

    @Test
    void eachRequestReadsChainedPagesAndNoPagePastTheEnd() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(92, 230))) {
            app.installAndBackfill();

            long leadPages = app.portal.calls().all().stream()
                    .filter(call -> call.method().equals("crm.lead.list") && call.insideBatch()).count();
            assertEquals(5, leadPages, "230 leads: four full pages and the short last one");
            assertTrue(app.portal.calls().all().stream()
                    .filter(call -> List.of("crm.lead.list", "crm.deal.list").contains(call.method())
                            && call.insideBatch())
                    .allMatch(call -> "-1".equals(String.valueOf(call.params().get("start")))));
            assertEquals(List.of(), app.portal.violations());
        }
    }
}
