package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectDatasetTest {
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");

    @Test
    void theSameSeedGivesTheSameNumbers() {
        DirectDataset one = DirectDataset.generate(3, FROM, TO);
        DirectDataset two = DirectDataset.generate(3, FROM, TO);

        assertEquals(one.advertisers().getFirst().dailyStats(), two.advertisers().getFirst().dailyStats());
        assertEquals(one.advertisers().getFirst().campaigns(), two.advertisers().getFirst().campaigns());
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        assertNotEquals(DirectDataset.generate(3, FROM, TO).advertisers().getFirst().dailyStats(),
                DirectDataset.generate(4, FROM, TO).advertisers().getFirst().dailyStats());
    }

    @Test
    void everyCampaignHasADayRowForEveryDay() {
        DirectAdvertiser salon = DirectDataset.generate(3, FROM, TO).advertisers().getFirst();

        assertEquals(4, salon.campaigns().size());
        assertEquals(4 * 90, salon.dailyStats().size());
        assertTrue(salon.dailyStats().stream().allMatch(day -> day.clicks() <= day.impressions()));
    }

    @Test
    void theAgencyHasARoubleAndATengeClient() {
        DirectDataset dataset = DirectDataset.generate(3, FROM, TO);

        assertEquals(Set.of(DirectDataset.AGENCY_RUB_CLIENT, DirectDataset.AGENCY_KZT_CLIENT),
                dataset.agencies().getFirst().clientLogins());
        assertEquals("KZT", dataset.advertisers().stream().filter(a -> a.login().equals(DirectDataset.AGENCY_KZT_CLIENT))
                .findFirst().orElseThrow().currency());
    }
}
