package ru.unitecon.core.adsimport;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.ConnectionState;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;
import ru.unitecon.core.store.SpendSources;
import ru.unitecon.simulator.vk.VkAdsDataset;
import ru.unitecon.simulator.yandex.DirectAdvertiser;
import ru.unitecon.simulator.yandex.DirectDataset;
import ru.unitecon.simulator.yandex.YandexFault;
import ru.unitecon.simulator.yandex.YandexSimulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdSpendImportTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static BigDecimal imported(AdWorld world, YearMonth month, String channel) {
        return world.app.services.spend().load(world.memberId(), month, month).get(new AggregateKey(month, channel));
    }

    private static AdConnection connection(AdWorld world, AdAccount account) {
        return world.ads.connecting().list(world.memberId()).stream()
                .filter(c -> c.account().equals(account)).findFirst().orElseThrow();
    }

    @Test
    void theFirstConnectPullsNinetyDaysAndEachMonthIsTheSumOfTheRawDailyStatistics() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");

            AdConnections.Connected direct = world.connectDirect(DirectDataset.SALON_LOGIN, null);
            AdConnections.Connected vk = world.connectVk(VkAdsDataset.SALON_USERNAME);

            assertEquals(AdSpendImport.Outcome.IMPORTED, direct.firstImport());
            assertEquals(AdSpendImport.Outcome.IMPORTED, vk.firstImport());
            DirectAdvertiser salon = world.yandex.advertiser(DirectDataset.SALON_LOGIN);
            var vkSalon = world.vk.account(VkAdsDataset.SALON_USERNAME);
            assertEquals(RawSpend.direct(salon, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                    imported(world, SEPTEMBER, "yandex_direct"));
            assertEquals(RawSpend.direct(salon, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 22)),
                    imported(world, NOVEMBER, "yandex_direct"));
            assertEquals(RawSpend.vk(vkSalon, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                    imported(world, SEPTEMBER, "vk"));
            List<CampaignDaySpend> days = world.app.services.campaignSpend().days(world.memberId(),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            assertEquals(LocalDate.of(2026, 8, 25), days.getFirst().day(), "90 days before today, no more");
            assertEquals(LocalDate.of(2026, 11, 22), days.getLast().day(), "yesterday; today is not over");
            assertEquals(days.size(), connection(world, direct.account()).lastImportRows()
                    + connection(world, vk.account()).lastImportRows());
            assertTrue(world.yandex.violations().isEmpty(), world.yandex.violations().toString());
            assertTrue(world.vk.violations().isEmpty(), world.vk.violations().toString());
        }
    }

    @Test
    void importingTwiceGivesTheSameSpendAndALateCorrectionReplacesItsDay() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount account = world.connectDirect(DirectDataset.SALON_LOGIN, null).account();
            var before = world.app.services.campaignSpend().days(world.memberId(), LocalDate.of(2026, 8, 1),
                    LocalDate.of(2026, 11, 30));

            world.ads.importer().importNow(world.memberId(), account);

            assertEquals(before, world.app.services.campaignSpend().days(world.memberId(), LocalDate.of(2026, 8, 1),
                    LocalDate.of(2026, 11, 30)));
            DirectAdvertiser salon = world.yandex.advertiser(DirectDataset.SALON_LOGIN);
            long campaign = salon.campaigns().getFirst().id();
            LocalDate corrected = LocalDate.of(2026, 11, 19);
            salon.correctCost(campaign, corrected, new BigDecimal("100"));
            world.at("2026-11-24T06:00");

            assertEquals(new AdImportReport(1, 0, 0), world.ads.importer().run());
            assertEquals(new AdImportReport(0, 0, 0), world.ads.importer().run(), "once a day");

            CampaignDaySpend day = world.app.services.campaignSpend().days(world.memberId(), corrected, corrected)
                    .stream().filter(d -> d.campaign().campaignId().equals(String.valueOf(campaign)))
                    .findFirst().orElseThrow();
            assertEquals(new BigDecimal("122"), day.amount(), "100 without VAT is 122 with 22 %");
            assertEquals(RawSpend.direct(salon, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23)),
                    imported(world, NOVEMBER, "yandex_direct"));
        }
    }

    @Test
    void aDayAtAMonthBoundaryIsTheDayOfThePortalsZoneAndAnAgencyClientIsConvertedToRoubles() {
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        try (AdWorld world = new AdWorld(almaty)) {
            CurrencyRates rates = new CurrencyRates("RUB", Map.of("RUB", Rate.PAR,
                    "KZT", new Rate(new BigDecimal("18.3100"), new BigDecimal("100"))), world.now(), world.now());
            world.app.services.settings().saveRates(world.memberId(), rates);
            // 03:00 on 1 December in Almaty is still 30 November in UTC and in Moscow.
            world.at("2026-12-01T03:00");

            AdConnections.Connected connected = world.connectDirect(DirectDataset.AGENCY_LOGIN,
                    DirectDataset.AGENCY_KZT_CLIENT);

            assertEquals(AdSpendImport.Outcome.IMPORTED, connected.firstImport());
            assertEquals(DirectDataset.AGENCY_KZT_CLIENT, connected.account().accountId());
            DirectAdvertiser fitness = world.yandex.advertiser(DirectDataset.AGENCY_KZT_CLIENT);
            assertEquals(RawSpend.directInRoubles(fitness, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                    rates), imported(world, NOVEMBER, "yandex_direct"));
            assertFalse(world.app.services.campaignSpend().days(world.memberId(), LocalDate.of(2026, 11, 30),
                    LocalDate.of(2026, 11, 30)).isEmpty(), "30 November, the portal's yesterday, is imported");
            assertNull(imported(world, YearMonth.of(2026, 12), "yandex_direct"), "nothing of December yet");
            assertTrue(world.yandex.requests().all().stream().anyMatch(r -> r.headers().entrySet().stream()
                    .anyMatch(h -> h.getKey().equalsIgnoreCase("Client-Login")
                            && h.getValue().equals(DirectDataset.AGENCY_KZT_CLIENT))), "the agency names its client");
        }
    }

    @Test
    void importedSpendWinsOverTypedSpendWhichIsKeptAndComesBackWhenTheImportLeaves() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            AggregateKey september = new AggregateKey(SEPTEMBER, "yandex_direct");
            world.app.services.spend().replaceCells(world.memberId(), Map.of(september, new BigDecimal("5000")));
            world.at("2026-11-23T12:00");

            world.connectDirect(DirectDataset.SALON_LOGIN, null);

            DirectAdvertiser salon = world.yandex.advertiser(DirectDataset.SALON_LOGIN);
            BigDecimal raw = RawSpend.direct(salon, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
            assertEquals(raw, imported(world, SEPTEMBER, "yandex_direct"));
            SpendSources sources = world.app.services.spend().sources(world.memberId(), SEPTEMBER, SEPTEMBER)
                    .get(september);
            assertEquals(new BigDecimal("5000"), sources.typed());
            assertTrue(sources.typedOverridden());

            world.app.services.campaignSpend().replaceDays(world.memberId(),
                    world.directAccount(DirectDataset.SALON_LOGIN), emptyMonth(SEPTEMBER));
            world.ads.importer().refreshMonths(world.memberId(), SEPTEMBER, SEPTEMBER);

            assertEquals(new BigDecimal("5000"), imported(world, SEPTEMBER, "yandex_direct"));
        }
    }

    @Test
    void anOfflineReportIsPolledAfterTheSecondsRetryInSays() {
        try (AdWorld world = new AdWorld(MOSCOW, options -> options.withOnlineRowLimit(0)
                .withOfflineReadiness(Duration.ofSeconds(30), 2))) {
            world.at("2026-11-23T12:00");

            AdConnections.Connected connected = world.connectDirect(DirectDataset.SALON_LOGIN, null);

            assertEquals(AdSpendImport.Outcome.IMPORTED, connected.firstImport());
            assertFalse(world.sleeper.waits().isEmpty());
            assertTrue(world.sleeper.total().compareTo(Duration.ofSeconds(30)) >= 0,
                    "the report is ready only once 30 s passed, which only the waits make pass");
            DirectAdvertiser salon = world.yandex.advertiser(DirectDataset.SALON_LOGIN);
            assertEquals(RawSpend.direct(salon, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                    imported(world, SEPTEMBER, "yandex_direct"));
        }
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedAndAnAccountThatKeepsFailingBlocksNoOther() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount direct = world.connectDirect(DirectDataset.SALON_LOGIN, null).account();
            AdAccount vk = world.connectVk(VkAdsDataset.SALON_USERNAME).account();
            String reports = YandexSimulator.Endpoint.REPORTS.path();

            world.at("2026-11-24T06:00");
            world.yandex.faults().inject(reports, YandexFault.SERVER_ERROR, 1);
            world.yandex.faults().inject(reports, YandexFault.HANG, 1);
            assertEquals(new AdImportReport(2, 0, 0), world.ads.importer().run());
            world.yandex.faults().releaseHangs();

            world.at("2026-11-25T06:00");
            world.yandex.faults().inject(reports, YandexFault.BAD_GATEWAY,
                    ru.unitecon.simulator.loopback.FaultSchedule.UNTIL_CLEARED);
            assertEquals(new AdImportReport(1, 1, 0), world.ads.importer().run());

            AdConnection failed = connection(world, direct);
            assertEquals(ConnectionState.ACTIVE, failed.state());
            assertTrue(failed.lastError().contains("HTTP 502"), failed.lastError());
            assertEquals(LocalDate.of(2026, 11, 23), failed.importedThrough());
            assertEquals(LocalDate.of(2026, 11, 24), connection(world, vk).importedThrough());

            world.yandex.faults().clear();
            world.at("2026-11-25T06:30");
            assertEquals(new AdImportReport(0, 0, 0), world.ads.importer().run(), "retried after an hour");
            world.at("2026-11-25T07:05");
            assertEquals(new AdImportReport(1, 0, 0), world.ads.importer().run());
            assertNull(connection(world, direct).lastError());
        }
    }

    private static Map<LocalDate, List<CampaignDaySpend>> emptyMonth(YearMonth month) {
        Map<LocalDate, List<CampaignDaySpend>> days = new java.util.TreeMap<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days.put(day, List.of());
        }
        return days;
    }
}
