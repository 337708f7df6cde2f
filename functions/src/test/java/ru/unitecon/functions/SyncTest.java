package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.simulator.Dataset;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync function's end of an uninstall, from the portal's event through the queue. What the sync makes of
 * queued changes is proved in core (SyncServiceTest, ReconciliationTest).
 */
class SyncTest {

    @Test
    void uninstallWithoutCleanKeepsTheDataAndForgetsTheTokens() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            int leads = app.liveLeads().size();

            assertEquals(200, app.portal.uninstall(false).orElseThrow().statusCode());
            app.sync();

            assertEquals(InstallationStatus.UNINSTALLED, app.portals.find(app.memberId()).orElseThrow().status());
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
            assertEquals(List.of(), app.recordStore.records().leads(app.memberId()));
            assertEquals(0, app.aggregateLeads());
        }
    }
}
