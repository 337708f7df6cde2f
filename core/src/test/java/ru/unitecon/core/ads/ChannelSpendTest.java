package ru.unitecon.core.ads;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelSpendTest {
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final CampaignKey DIRECT_A = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon", "1");
    private static final CampaignKey DIRECT_B = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon", "2");
    private static final CampaignKey VK_A = new CampaignKey(AdPlatform.VK_ADS, "77", "1");

    private static CampaignMonthSpend month(CampaignKey key, String amount) {
        return new CampaignMonthSpend(key, "n", MAY, new BigDecimal(amount));
    }

    @Test
    void byDefaultACampaignCountsInItsPlatformsChannel() {
        assertEquals(Map.of(MAY, Map.of("yandex_direct", new BigDecimal("300.5"), "vk", new BigDecimal("40"))),
                ChannelSpend.sum(List.of(month(DIRECT_A, "100"), month(DIRECT_B, "200.5"), month(VK_A, "40")),
                        ChannelSpend.PLATFORM_DEFAULT));
    }

    @Test
    void aMappingMovesACampaignToAnotherChannel() {
        assertEquals(Map.of(MAY, Map.of("yandex_direct", new BigDecimal("100"), "instagram", new BigDecimal("200.5"))),
                ChannelSpend.sum(List.of(month(DIRECT_A, "100"), month(DIRECT_B, "200.5")),
                        key -> key.equals(DIRECT_B) ? "instagram" : key.platform().defaultChannel()));
    }

    @Test
    void aMappingToNoValidChannelIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ChannelSpend.sum(List.of(month(DIRECT_A, "1")), key -> "Not A#Channel"));
    }
}
