package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.DatasetGenerator;

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
}
