package ru.unitecon.simulator.vk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VkAdsDatasetTest {
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-02-28");

    @Test
    void theSameSeedGivesTheSameAccounts() {
        VkAdsAccount one = VkAdsDataset.generate(5, FROM, TO).accounts().getFirst();
        VkAdsAccount two = VkAdsDataset.generate(5, FROM, TO).accounts().getFirst();

        assertEquals(one.adPlans(), two.adPlans());
        assertEquals(one.dailyStats(), two.dailyStats());
        assertNotEquals(one.dailyStats(), VkAdsDataset.generate(6, FROM, TO).accounts().getFirst().dailyStats());
    }

    @Test
    void aRoubleAndATengeAccountWithMoneyInKopecks() {
        VkAdsDataset dataset = VkAdsDataset.generate(5, FROM, TO);

        assertEquals("RUB", dataset.accounts().get(0).currency());
        assertEquals("KZT", dataset.accounts().get(1).currency());
        assertTrue(dataset.accounts().get(0).dailyStats().stream().allMatch(day -> day.spent().scale() == 2 && day.spent().signum() > 0));
    }
}
