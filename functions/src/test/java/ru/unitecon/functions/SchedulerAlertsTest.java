package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler function runs the alert pass after reminders: on an installed sample portal the installing
 * administrator gets the Monday digest at the first run after 09:00 Moscow time, and nothing twice.
 */
class SchedulerAlertsTest {
    @Test
    void theSchedulerSendsTheMondayDigestToTheInstallerOnce() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            app.clock.set(Instant.parse("2026-11-30T05:55:00Z"));
            app.schedulerHandler.handleRequest(null, null);
            assertTrue(digests(app).isEmpty(), "08:55 on Monday in Moscow");

            app.clock.set(Instant.parse("2026-11-30T06:00:00Z"));
            SchedulerHandler.Report report = app.schedulerHandler.handleRequest(null, null);
            app.clock.set(Instant.parse("2026-11-30T06:05:00Z"));
            app.schedulerHandler.handleRequest(null, null);

            assertEquals(List.of(Dataset.bundledSample().adminUserId()),
                    digests(app).stream().map(PortalRecords.Notification::toUserId).toList());
            assertTrue(report.alerts().sent() >= 1);
            List<String> tags = app.portal.records().notifications().stream()
                    .map(PortalRecords.Notification::tag).toList();
            assertEquals(tags.stream().distinct().count(), tags.size(), "no alert twice: " + tags);
        }
    }

    private static List<PortalRecords.Notification> digests(AppOnSimulatedPortal app) {
        return app.portal.records().notifications().stream()
                .filter(note -> "UE|WEEKLY_DIGEST|-|2026-W49".equals(note.tag())).toList();
    }
}
