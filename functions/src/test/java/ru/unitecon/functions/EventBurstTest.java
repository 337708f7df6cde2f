package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.DatasetGenerator;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of 1 000 lead events through the webhook path as deployed: each POST answered by the gateway's SQS
 * integration, every one taken by the sync function from the events queue and fetched; none lost.
 */
class EventBurstTest {
    private static final int LEADS = 1_000;

    @Test
    void aThousandEventsAreAllAnsweredQueuedAndStoredWithNoneLost() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(41, LEADS))) {
            app.installAndBackfill();
            app.portal.calls().clear();

            Instant editedAt = app.editEveryLead(LEADS);
            assertEquals(LEADS, app.queue.events(), "every event answered was queued");
            LocalQueue.Deliveries deliveries = app.sync();

            long stored = app.liveLeads().stream().filter(lead -> lead.modified().equals(editedAt)).count();
            assertEquals(LEADS, stored, "none lost");
            assertEquals(0, deliveries.failures());
            assertEquals(0, app.queue.size());
            assertEquals(0, app.queue.deadLetters());
            assertEquals(0, app.inbox.dropped());
            assertTrue(app.portal.calls().count() <= LEADS / 40, "calls: " + app.portal.calls().count());
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
        }
    }
}
