package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsOfflineTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();
    private final String token = fixture.tokenOf(DirectDataset.SALON_LOGIN);

    @Test
    void offlineReportIsQueuedThenBuildingThenReady() {
        String body = DirectHttp.spendDefinition("offline-1", "2026-08-01", "2026-08-10");

        DirectHttp.Reply queued = fixture.report(token, body, "processingMode", "offline");
        DirectHttp.Reply building = fixture.report(token, body, "processingMode", "offline");
        fixture.clock.advance(Duration.ofSeconds(Long.parseLong(building.header("retryIn"))));
        DirectHttp.Reply ready = fixture.report(token, body, "processingMode", "offline");

        assertEquals(201, queued.status());
        assertEquals("10", queued.header("retryIn"));
        assertEquals("1", queued.header("reportsInQueue"));
        assertEquals(202, building.status());
        assertEquals(200, ready.status());
        assertEquals("\"offline-1 (2026-08-01 - 2026-08-10)\"", ready.lines().getFirst());
        assertEquals("0", ready.header("reportsInQueue"));
    }

    @Test
    void autoModeQueuesAReportTooLargeForOnline() {
        try (YandexFixture small = new YandexFixture(YandexSimulatorOptions.defaults().withOnlineRowLimit(5))) {
            String salonToken = small.tokenOf(DirectDataset.SALON_LOGIN);

            DirectHttp.Reply auto = small.report(salonToken, DirectHttp.spendDefinition("big", "2026-07-01", "2026-07-31"));
            DirectHttp.Reply online = small.report(salonToken, DirectHttp.spendDefinition("big-online", "2026-07-01", "2026-07-31"),
                    "processingMode", "online");
            DirectHttp.Reply smallEnough = small.report(salonToken, DirectHttp.spendDefinition("one-day", "2026-07-01", "2026-07-01"));

            assertEquals(201, auto.status());
            assertEquals(400, online.status());
            assertEquals(200, smallEnough.status());
        }
    }

    @Test
    void atMostFiveReportsWaitInTheQueue() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, fixture.report(token, DirectHttp.spendDefinition("q" + i, "2026-08-01", "2026-08-02"),
                    "processingMode", "offline").status());
        }

        DirectHttp.Reply sixth = fixture.report(token, DirectHttp.spendDefinition("q6", "2026-08-01", "2026-08-02"),
                "processingMode", "offline");
        fixture.clock.advance(Duration.ofSeconds(10));
        DirectHttp.Reply afterwards = fixture.report(token, DirectHttp.spendDefinition("q6", "2026-08-01", "2026-08-02"),
                "processingMode", "offline");

        assertEquals(400, sixth.status());
        assertEquals(9000, sixth.errorCode());
        assertEquals(201, afterwards.status());
    }

    @Test
    void theQueueLimitIsPerAdvertiser() {
        for (int i = 1; i <= 5; i++) {
            fixture.report(token, DirectHttp.spendDefinition("q" + i, "2026-08-01", "2026-08-02"), "processingMode", "offline");
        }

        DirectHttp.Reply agencyClient = fixture.report(fixture.tokenOf(DirectDataset.AGENCY_LOGIN),
                DirectHttp.spendDefinition("q1", "2026-08-01", "2026-08-02"), "processingMode", "offline",
                "Client-Login", DirectDataset.AGENCY_RUB_CLIENT);

        assertEquals(201, agencyClient.status());
    }

    @Test
    void aNameReusedWithOtherParametersIsRefused() {
        fixture.report(token, DirectHttp.spendDefinition("same-name", "2026-08-01", "2026-08-02"), "processingMode", "offline");

        DirectHttp.Reply reused = fixture.report(token, DirectHttp.spendDefinition("same-name", "2026-08-01", "2026-08-03"),
                "processingMode", "offline");

        assertEquals(400, reused.status());
        assertEquals(4000, reused.errorCode());
    }

    @Test
    void anOfflineReportKeepsTheNumbersOfWhenItWasQueued() {
        long campaignId = fixture.salon().campaigns().getFirst().id();
        String body = DirectHttp.spendDefinition("snapshot", "2026-08-05", "2026-08-05");
        fixture.report(token, body, "processingMode", "offline", "returnMoneyInMicros", "false");
        fixture.salon().correctCost(campaignId, LocalDate.parse("2026-08-05"), new BigDecimal("1000"));
        fixture.clock.advance(Duration.ofSeconds(10));

        DirectHttp.Reply old = fixture.report(token, body, "processingMode", "offline", "returnMoneyInMicros", "false");
        DirectHttp.Reply renamed = fixture.report(token, DirectHttp.spendDefinition("snapshot-2", "2026-08-05", "2026-08-05"),
                "returnMoneyInMicros", "false");

        assertFalse(old.body().contains("\t1220.00"));
        assertTrue(renamed.body().contains("\t1220.00"));
    }

    @Test
    void aBuiltReportIsForgottenAfterItsRetention() {
        String body = DirectHttp.spendDefinition("kept", "2026-08-01", "2026-08-02");
        fixture.report(token, body, "processingMode", "offline");
        fixture.clock.advance(Duration.ofHours(5));

        assertEquals(201, fixture.report(token, DirectHttp.spendDefinition("kept", "2026-08-01", "2026-08-09"),
                "processingMode", "offline").status());
    }

    @Test
    void onlineModeBuildsAfreshEvenWhenTheNameIsQueued() {
        String body = DirectHttp.spendDefinition("both-ways", "2026-08-01", "2026-08-02");
        fixture.report(token, body, "processingMode", "offline");

        DirectHttp.Reply online = fixture.report(token, body, "processingMode", "online");
        DirectHttp.Reply auto = fixture.report(token, body, "processingMode", "auto");

        assertEquals(200, online.status());
        assertEquals(202, auto.status());
    }
}
