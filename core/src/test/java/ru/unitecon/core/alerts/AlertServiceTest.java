package ru.unitecon.core.alerts;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.store.SentAlerts;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.simulator.Fault;
import ru.unitecon.simulator.PortalRecords;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each alert on a salon in Moscow (UTC+3) with numbers worked out by hand, sent once per condition and period
 * however many passes run, never at night, only to its recipients and in the portal's language.
 */
class AlertServiceTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    /** Wednesday 16 December 2026, 12:00 in Moscow. */
    private static final String WEDNESDAY_NOON = "2026-12-16T09:00:00Z";
    private static final LeadSource VK = LeadSource.ofUtm("vk", null, null);
    private static final LeadSource INSTAGRAM = LeadSource.ofUtm("instagram", null, null);
    private static final SentAlerts.Key VK_LOSING = new SentAlerts.Key("CHANNEL_LOSING_MONEY", "vk", "2026-12");

    /**
     * vk in December: 30 000 ₽ spent, two new clients who paid 8 000 ₽ each, so CAC 15 000 ₽ against an order margin
     * of 8 000 ₽ (no variable cost): losing money. Instagram: 4 000 ₽ for one client of 10 000 ₽: not.
     */
    private static AlertWorld vkLosingMoney(AlertWorld world) {
        return world.lead(1, "2026-12-02T09:00:00Z", VK, 9001L).wonDeal(11, 9001, 1, "8000", "2026-12-03")
                .lead(2, "2026-12-04T09:00:00Z", VK, 9002L).wonDeal(12, 9002, 2, "8000", "2026-12-05")
                .lead(3, "2026-12-04T10:00:00Z", INSTAGRAM, 9003L).wonDeal(13, 9003, 3, "10000", "2026-12-06")
                .spend(DECEMBER, "vk", "30000").spend(DECEMBER, "instagram", "4000");
    }

    @Test
    void aLosingChannelIsToldOnceToEachRecipientHoweverManyPassesRun() throws Exception {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            vkLosingMoney(world).receiving(Map.of(AlertKind.CHANNEL_LOSING_MONEY, List.of(1L, 6L)), "ru")
                    .at(WEDNESDAY_NOON);

            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Callable<AlertReport> pass = world::pass;
                List<Future<AlertReport>> racing = two.invokeAll(List.of(pass, pass));
                assertEquals(1, racing.get(0).get().sent() + racing.get(1).get().sent(),
                        "of two passes at once only the one that claimed sends");
            } finally {
                two.shutdown();
            }
            world.pass();
            world.at("2026-12-20T09:00:00Z").pass();

            String tag = "UE|CHANNEL_LOSING_MONEY|vk|2026-12";
            List<PortalRecords.Notification> sent = world.tagged(tag);
            assertEquals(List.of("1", "6"), sent.stream().map(PortalRecords.Notification::toUserId).sorted().toList());
            assertEquals(2, world.notifications().size(), "instagram earns more than it costs: nothing about it");
            // 30 000 ₽ / 2 new clients = 15 000 ₽; 8 000 ₽ per order, no variable cost.
            assertEquals("Канал «vk» в убытке в декабре: CAC 15 000 ₽ при марже заказа 8 000 ₽."
                    + " Откройте " + world.link("channels", "«Юнит-экономика» → Каналы") + ".",
                    sent.getFirst().message());
            assertEquals(SentReminders.Status.SENT, world.app.services.sentAlerts()
                    .find(world.memberId(), new SentAlerts.Key("CHANNEL_LOSING_MONEY", "vk", "2026-12"))
                    .orElseThrow().status());
        }
    }

    @Test
    void theInstallMakesTheInstallingAdministratorTheRecipientOfEverythingInThePortalsLanguage() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            AlertSettings installed = world.app.services.alertSettings().load(world.memberId());

            for (AlertKind kind : AlertKind.values()) {
                assertEquals(List.of(1L), installed.recipientsOf(kind), kind.name());
            }
            assertEquals("ru", installed.language());

            AlertSettings chosen = installed.withRecipients(AlertKind.WEEKLY_DIGEST, List.of(6L, 12L));
            world.app.services.alertSettings().save(world.memberId(), chosen);
            world.app.install();
            assertEquals(chosen, world.app.services.alertSettings().load(world.memberId()),
                    "a reinstall keeps what the administrators chose");
        }
    }

    @Test
    void aSendThePortalRefusedIsGivenBackAndSentByALaterPass() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            vkLosingMoney(world).receiving(Map.of(AlertKind.CHANNEL_LOSING_MONEY, List.of(1L)), "ru")
                    .at(WEDNESDAY_NOON);
            world.app.portal.injectFault("batch", Fault.OPERATION_TIME_LIMIT);

            AlertReport refused = world.pass();
            world.app.portal.clearFaults();

            assertEquals(1, refused.failed());
            assertTrue(world.app.services.sentAlerts().find(world.memberId(), VK_LOSING).isEmpty(),
                    "nothing reached the portal, so the claim was given back");
            assertEquals(1, world.at("2026-12-16T09:05:00Z").pass().sent());
            assertEquals(1, world.notifications().size());
        }
    }

    @Test
    void aSendWhoseOutcomeIsUnknownIsNotRepeated() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            vkLosingMoney(world).receiving(Map.of(AlertKind.CHANNEL_LOSING_MONEY, List.of(1L)), "ru")
                    .at(WEDNESDAY_NOON);
            world.app.portal.injectFault("batch", Fault.SERVER_ERROR);

            AlertReport failed = world.pass();
            world.app.portal.clearFaults();
            AlertReport later = world.at("2026-12-16T09:05:00Z").pass();

            assertEquals(1, failed.uncertain());
            assertEquals(0, later.sent());
            assertEquals(SentReminders.Status.UNCERTAIN,
                    world.app.services.sentAlerts().find(world.memberId(), VK_LOSING).orElseThrow().status());
        }
    }

    @Test
    void nothingGoesOutAtNightAndWhatWasOwedGoesOutAfterIt() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            vkLosingMoney(world).receiving(Map.of(AlertKind.CHANNEL_LOSING_MONEY, List.of(1L)), "ru");

            // 23:00 and 07:59 in Moscow: the default quiet hours are 22:00–08:00.
            assertEquals(1, world.at("2026-12-16T20:00:00Z").pass().quiet());
            world.at("2026-12-17T04:59:00Z").pass();
            assertTrue(world.notifications().isEmpty());

            world.at("2026-12-17T05:00:00Z").pass();
            assertEquals(1, world.tagged("UE|CHANNEL_LOSING_MONEY|vk|2026-12").size());
        }
    }

    @Test
    void anAlertNobodyReceivesIsNotSentAndEnglishPortalsReadEnglish() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            vkLosingMoney(world).receiving(Map.of(AlertKind.UNKNOWN_SOURCES, List.of(9L)), "en").at(WEDNESDAY_NOON);
            assertEquals(0, world.pass().sent(), "nobody receives the losing-channel alert");
            assertTrue(world.notifications().isEmpty());

            world.receiving(Map.of(AlertKind.CHANNEL_LOSING_MONEY, List.of(9L)), "en").pass();

            PortalRecords.Notification sent = world.notifications().getFirst();
            assertEquals("9", sent.toUserId());
            assertEquals("Channel «vk» is losing money in December: CAC 15,000 ₽ against an order margin of 8,000 ₽."
                    + " Open " + world.link("channels", "«Unit economics» → Channels") + ".", sent.message());
        }
    }

    /**
     * avito spent 10 000 ₽ in October and again in November, each month for one new client of 5 000 ₽. LTV = AOV
     * 5 000 ₽ × 1 order per active client a year × 2 years = 10 000 ₽; CAC 10 000 ₽: LTV:CAC 1 in both months.
     * telegram was below 3 only in November (October: 1 000 ₽ for a client of 5 000 ₽, LTV:CAC 10).
     */
    @Test
    void ltvToCacBelowThreeForTwoMonthsRunning() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            LeadSource avito = LeadSource.ofUtm("avito", null, null);
            LeadSource telegram = LeadSource.ofUtm("telegram", null, null);
            world.lead(1, "2026-10-05T09:00:00Z", avito, 9101L).wonDeal(11, 9101, 1, "5000", "2026-10-06")
                    .lead(2, "2026-11-05T09:00:00Z", avito, 9102L).wonDeal(12, 9102, 2, "5000", "2026-11-06")
                    .lead(3, "2026-10-07T09:00:00Z", telegram, 9103L).wonDeal(13, 9103, 3, "5000", "2026-10-08")
                    .lead(4, "2026-11-07T09:00:00Z", telegram, 9104L).wonDeal(14, 9104, 4, "5000", "2026-11-08")
                    .spend(OCTOBER, "avito", "10000").spend(NOVEMBER, "avito", "10000")
                    .spend(OCTOBER, "telegram", "1000").spend(NOVEMBER, "telegram", "10000")
                    .receiving(Map.of(AlertKind.LTV_TO_CAC_BELOW_TARGET, List.of(1L)), "ru").at(WEDNESDAY_NOON);

            world.pass();
            world.pass();

            assertEquals(1, world.notifications().size());
            assertEquals("Канал «avito»: LTV:CAC ниже 3 два месяца подряд, 1 (10.2026) → 1 (11.2026)."
                            + " Откройте " + world.link("trends", "«Юнит-экономика» → Тренды") + ".",
                    world.tagged("UE|LTV_TO_CAC_BELOW_TARGET|avito|2026-12").getFirst().message());
        }
    }

    /**
     * December's past visits: 7 attended and 3 no-shows, 30 % above the default 20 %. AOV 4 000 ₽ (two orders of
     * 3 000 ₽ and 5 000 ₽), so 3 × 4 000 ₽ = 12 000 ₽ of revenue lost.
     */
    @Test
    void aNoShowRateAboveTheThresholdIsToldOncePerMonth() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            for (int i = 1; i <= 10; i++) {
                AppointmentState state = i <= 3 ? AppointmentState.NO_SHOW : AppointmentState.ATTENDED;
                world.leadWithVisit(i, "2026-12-01T09:00:00Z", VK, 9200L + i,
                        "2026-12-%02dT09:00:00Z".formatted(i + 1), state);
            }
            world.wonDeal(21, 9204, 4, "3000", "2026-12-05").wonDeal(22, 9205, 5, "5000", "2026-12-06")
                    .receiving(Map.of(AlertKind.NO_SHOW_RATE, List.of(1L)), "ru").at(WEDNESDAY_NOON);

            world.pass();
            world.at("2026-12-28T09:00:00Z").pass();

            assertEquals(1, world.notifications().size());
            assertEquals("Неявки в декабре: 30 % (порог 20 %), 3 неявок, потеряно выручки 12 000 ₽."
                            + " Откройте " + world.link("appointments", "«Юнит-экономика» → Записи") + ".",
                    world.tagged("UE|NO_SHOW_RATE|-|2026-12").getFirst().message());
        }
    }

    /**
     * The 28 days before 9 December 12:00: 10 past visits, 1 no-show (10 %). The 7 days since: 4 visits, 3 no-shows
     * (75 %), above 1.5 × 10 %.
     */
    @Test
    void aNoShowSpikeAgainstThePreviousFourWeeksIsToldOncePerWeek() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            for (int i = 1; i <= 10; i++) {
                world.leadWithVisit(i, "2026-11-10T09:00:00Z", VK, 9300L + i,
                        "2026-11-%02dT09:00:00Z".formatted(12 + i),
                        i == 1 ? AppointmentState.NO_SHOW : AppointmentState.ATTENDED);
            }
            for (int i = 11; i <= 14; i++) {
                world.leadWithVisit(i, "2026-12-09T10:00:00Z", VK, 9300L + i,
                        "2026-12-%02dT09:00:00Z".formatted(i), i <= 13 ? AppointmentState.NO_SHOW
                                : AppointmentState.ATTENDED);
            }
            world.receiving(Map.of(AlertKind.NO_SHOW_SPIKE, List.of(1L)), "ru").at(WEDNESDAY_NOON).pass();
            world.at("2026-12-17T09:00:00Z").pass();

            assertEquals(1, world.notifications().size());
            assertEquals("Всплеск неявок: 75 % за последние 7 дней (3 неявок) против 10 % за 4 недели до того."
                            + " Откройте " + world.link("appointments", "«Юнит-экономика» → Записи") + ".",
                    world.tagged("UE|NO_SHOW_SPIKE|-|2026-W51").getFirst().message());
        }
    }

    /**
     * November: 10 leads at 09:00 UTC; leads 1–4 answered within 15 minutes (5, 10, 14 and 15 minutes), lead 5 after
     * 16 minutes, 6–10 never: 4 / 10 = 40 % within 15 minutes, below the default 50 %. Told in December about
     * November, once; at a threshold of 40 % it is not (40 % is not below 40 %).
     */
    private static AlertWorld slowNovember(AlertWorld world) {
        int[] minutes = {5, 10, 14, 15, 16};
        for (int i = 1; i <= 10; i++) {
            world.lead(i, "2026-11-%02dT09:00:00Z".formatted(i), VK, null);
            if (i <= minutes.length) {
                world.answered(i, "2026-11-%02dT09:%02d:00Z".formatted(i, minutes[i - 1]));
            }
        }
        return world;
    }

    @Test
    void tooFewLeadsAnsweredWithinFifteenMinutesLastMonthIsToldOnce() {
        try (AlertWorld world = slowNovember(new AlertWorld(MOSCOW))) {
            world.receiving(Map.of(AlertKind.SLOW_RESPONSE, List.of(1L)), "ru").at(WEDNESDAY_NOON).pass();
            world.at("2026-12-16T10:00:00Z").pass();

            List<PortalRecords.Notification> told = world.tagged("UE|SLOW_RESPONSE|-|2026-12");
            assertEquals(1, told.size());
            assertEquals("В ноябре за 15 минут ответили только 40 % лидов (порог 50 %, всего лидов 10, без ответа 5)."
                            + " Откройте " + world.link("retention", "«Юнит-экономика» → Удержание") + ".",
                    told.getFirst().message());
        }
    }

    @Test
    void aShareAtTheThresholdOrAMonthWithoutAnyKnownAnswerIsNotTold() {
        try (AlertWorld world = slowNovember(new AlertWorld(MOSCOW))) {
            world.receiving(Map.of(AlertKind.SLOW_RESPONSE, List.of(1L)), "ru");
            world.app.services.alertSettings().save(world.memberId(), world.app.services.alertSettings()
                    .load(world.memberId()).withAnsweredIn15Percent(java.math.BigDecimal.valueOf(40)));
            world.at(WEDNESDAY_NOON).pass();
            assertTrue(world.tagged("UE|SLOW_RESPONSE|-|2026-12").isEmpty(), "40 % is not below 40 %");
        }
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            for (int i = 1; i <= 10; i++) {
                world.lead(i, "2026-11-%02dT09:00:00Z".formatted(i), VK, null);
            }
            world.receiving(Map.of(AlertKind.SLOW_RESPONSE, List.of(1L)), "ru").at(WEDNESDAY_NOON).pass();
            assertTrue(world.tagged("UE|SLOW_RESPONSE|-|2026-12").isEmpty(),
                    "no answer known at all: leads stored before, not leads nobody answered");
        }
    }

    /** December: 10 leads, 3 of them without any source: 30 %, above the default 25 %. */
    @Test
    void tooManyLeadsWithoutASource() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            for (int i = 1; i <= 10; i++) {
                world.lead(i, "2026-12-%02dT09:00:00Z".formatted(i), i <= 3 ? LeadSource.NONE : VK, null);
            }
            world.receiving(Map.of(AlertKind.UNKNOWN_SOURCES, List.of(1L)), "ru").at(WEDNESDAY_NOON).pass();

            assertEquals("30 % лидов в декабре без источника (порог 25 %, всего лидов 10): их деньги не отнести ни"
                            + " к одному каналу. Откройте "
                            + world.link("settings", "«Юнит-экономика» → Настройки → правила каналов") + ".",
                    world.tagged("UE|UNKNOWN_SOURCES|-|2026-12").getFirst().message());
        }
    }

    /**
     * telegram: 5 000 ₽ spent in December, its last lead on 5 December; vk's last lead came on 12 December. The
     * records are read by the first pass of each hour, and no longer once the channel was told about this week.
     */
    @Test
    void spendWithoutALeadForSevenDays() {
        try (AlertWorld world = new AlertWorld(MOSCOW)) {
            world.lead(1, "2026-12-05T09:00:00Z", LeadSource.ofUtm("telegram", null, null), null)
                    .lead(2, "2026-12-12T09:00:00Z", VK, null)
                    .spend(DECEMBER, "telegram", "5000").spend(DECEMBER, "vk", "7000")
                    .receiving(Map.of(AlertKind.SPEND_WITHOUT_LEADS, List.of(1L)), "ru");

            world.at("2026-12-16T08:30:00Z").pass();
            assertTrue(world.notifications().isEmpty(), "the leads are read by the first pass of an hour only");
            world.at(WEDNESDAY_NOON).pass();
            world.at("2026-12-16T10:00:00Z").pass();

            assertEquals(1, world.notifications().size());
            assertEquals("Канал «telegram»: в декабре потрачено 5 000 ₽, а лидов нет уже 7 дн."
                            + " Откройте " + world.link("spend", "«Юнит-экономика» → Расходы") + ".",
                    world.tagged("UE|SPEND_WITHOUT_LEADS|telegram|2026-W51").getFirst().message());
        }
    }
}
