package ru.unitecon.core.adsimport;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.portal.Decimals;
import ru.unitecon.simulator.vk.VkAdPlan;
import ru.unitecon.simulator.vk.VkAdPlanDay;
import ru.unitecon.simulator.vk.VkAdsAccount;
import ru.unitecon.simulator.vk.VkAdsDataset;
import ru.unitecon.simulator.yandex.DirectDataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator moves a VK Ads campaign to another channel: the imported month × channel spend of every month it
 * has spend in moves with it at once, and the next import sums it there too; each figure is the simulators' raw
 * daily statistics added up here.
 */
class CampaignChannelChangeTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static Map<AggregateKey, BigDecimal> spend(AdWorld world, YearMonth month) {
        return world.app.services.aggregates().load(world.memberId(), month, month).spend();
    }

    /** The ad plan's spend from..to as the simulator holds it, added up here. */
    private static BigDecimal raw(VkAdsAccount account, long adPlan, LocalDate from, LocalDate to) {
        return Decimals.normalized(account.dailyStats().stream()
                .filter(day -> day.adPlanId() == adPlan && !day.date().isBefore(from) && !day.date().isAfter(to))
                .map(VkAdPlanDay::spent).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void changingACampaignsChannelMovesItsSpendAndTheTotalStaysTheRawSum() {
        try (AdWorld world = new AdWorld(ZoneId.of("Europe/Moscow"))) {
            world.at("2026-11-23T12:00");
            world.connectDirect(DirectDataset.SALON_LOGIN, null);
            world.connectVk(VkAdsDataset.SALON_USERNAME);
            VkAdsAccount vk = world.vk.account(VkAdsDataset.SALON_USERNAME);
            VkAdPlan manicure = vk.adPlans().get(1);
            CampaignKey key = world.app.services.campaignSpend().days(world.memberId(), LocalDate.of(2026, 9, 1),
                            LocalDate.of(2026, 9, 30)).stream().map(day -> day.campaign())
                    .filter(campaign -> campaign.platform() == AdPlatform.VK_ADS
                            && campaign.campaignId().equals(String.valueOf(manicure.id())))
                    .findFirst().orElseThrow();
            BigDecimal vkInSeptember = RawSpend.vk(vk, SEPTEMBER.atDay(1), SEPTEMBER.atEndOfMonth());
            BigDecimal directInSeptember = RawSpend.direct(world.yandex.advertiser(DirectDataset.SALON_LOGIN),
                    SEPTEMBER.atDay(1), SEPTEMBER.atEndOfMonth());
            assertEquals(vkInSeptember, spend(world, SEPTEMBER).get(new AggregateKey(SEPTEMBER, "vk")));
            assertNull(spend(world, SEPTEMBER).get(new AggregateKey(SEPTEMBER, "instagram")));

            world.app.services.campaigns().setChannel(world.memberId(), key, "instagram");

            BigDecimal moved = raw(vk, manicure.id(), SEPTEMBER.atDay(1), SEPTEMBER.atEndOfMonth());
            assertTrue(moved.signum() > 0);
            Map<AggregateKey, BigDecimal> september = spend(world, SEPTEMBER);
            assertEquals(moved, september.get(new AggregateKey(SEPTEMBER, "instagram")));
            assertEquals(vkInSeptember.subtract(moved), september.get(new AggregateKey(SEPTEMBER, "vk")));
            assertEquals(0, directInSeptember.add(vkInSeptember).compareTo(
                    september.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)), "the total is the raw sum");

            world.at("2026-11-24T06:00");
            world.ads.importer().run();

            BigDecimal november = raw(vk, manicure.id(), NOVEMBER.atDay(1), LocalDate.of(2026, 11, 23));
            assertTrue(november.signum() > 0);
            assertEquals(november, spend(world, NOVEMBER).get(new AggregateKey(NOVEMBER, "instagram")),
                    "the next import, up to yesterday, sums the campaign in its new channel");
            world.app.services.campaigns().setChannel(world.memberId(), key, "vk");
            assertNull(spend(world, SEPTEMBER).get(new AggregateKey(SEPTEMBER, "instagram")), "and back again");
            assertEquals(vkInSeptember, spend(world, SEPTEMBER).get(new AggregateKey(SEPTEMBER, "vk")));
            assertEquals(List.of(), world.yandex.violations());
        }
    }
}
