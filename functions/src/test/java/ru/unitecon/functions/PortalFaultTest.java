package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.Fault;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Faults of the portal seen from the whole data path (the REST client's own handling is tested in core). */
class PortalFaultTest {

    @Test
    void aRenamedPortalIsFollowedAndItsNewAddressStored() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(41, 30))) {
            app.installAndBackfill();
            String oldDomain = app.portal.domain();
            app.portal.rename();
            Instant updatedAt = app.editEveryLead(10);

            LocalQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertNotEquals(oldDomain, app.portal.domain());
            assertEquals(app.portal.domain(), app.portals.find(app.memberId()).orElseThrow().domain());
            assertEquals(app.portal.clientEndpoint(),
                    URI.create(app.portals.load(app.memberId()).orElseThrow().clientEndpoint()));
            assertEquals(10, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void changesMetByAFailingPortalWaitInTheQueueUntilItRecovers() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(42, 30))) {
            app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(10);
            app.portal.injectFault("batch", Fault.SERVER_ERROR);

            LocalQueue.Deliveries whileFailing = app.queue.deliverTo(app.syncHandler, 1);
            app.portal.clearFaults();
            LocalQueue.Deliveries recovered = app.sync();

            assertEquals(10, whileFailing.failures());
            assertEquals(0, recovered.failures());
            assertEquals(0, app.queue.size());
            assertEquals(10, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
            assertEquals(List.of(), app.portal.violations());
        }
    }
}
