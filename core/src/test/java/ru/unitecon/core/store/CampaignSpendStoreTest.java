package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.ads.CampaignMonthSpend;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignSpendStoreTest {
    private static final AdAccount DIRECT = new AdAccount(AdPlatform.YANDEX_DIRECT, "salon-client");
    private static final AdAccount DIRECT_LONGER = new AdAccount(AdPlatform.YANDEX_DIRECT, "salon-client2");
    private static final AdAccount VK = new AdAccount(AdPlatform.VK_ADS, "123456");
    private static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    private final CampaignSpendStore store = new CampaignSpendStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    private static CampaignDaySpend row(AdAccount account, String campaign, LocalDate day, String amount) {
        return new CampaignDaySpend(account.campaign(campaign), "Campaign " + campaign, day, new BigDecimal(amount));
    }

    @Test
    void importingADayTwiceGivesTheSameRows() {
        Map<LocalDate, List<CampaignDaySpend>> days = Map.of(MAY_31, List.of(
                row(DIRECT, "101", MAY_31, "1200.50"), row(DIRECT, "102", MAY_31, "300")));

        store.replaceDays(member, DIRECT, days);
        store.replaceDays(member, DIRECT, days);

        assertEquals(List.of(row(DIRECT, "101", MAY_31, "1200.5"), row(DIRECT, "102", MAY_31, "300")),
                store.days(member, MAY_31, MAY_31));
    }

    @Test
    void reImportingADayReplacesOnlyThatAccountsRowsOfThatDay() {
        store.replaceDays(member, DIRECT, Map.of(
                MAY_31, List.of(row(DIRECT, "101", MAY_31, "100"), row(DIRECT, "102", MAY_31, "200")),
                JUNE_1, List.of(row(DIRECT, "101", JUNE_1, "50"))));
        store.replaceDays(member, DIRECT_LONGER, Map.of(MAY_31, List.of(row(DIRECT_LONGER, "7", MAY_31, "1"))));
        store.replaceDays(member, VK, Map.of(MAY_31, List.of(row(VK, "9001", MAY_31, "70"))));

        store.replaceDays(member, DIRECT, Map.of(MAY_31, List.of(row(DIRECT, "101", MAY_31, "110"))));

        assertEquals(List.of(
                row(DIRECT, "101", MAY_31, "110"),
                row(DIRECT_LONGER, "7", MAY_31, "1"),
                row(VK, "9001", MAY_31, "70"),
                row(DIRECT, "101", JUNE_1, "50")), store.days(member, MAY_31, JUNE_1));
    }

    @Test
    void anEmptyDayRemovesItsRows() {
        store.replaceDays(member, VK, Map.of(JUNE_1, List.of(row(VK, "9001", JUNE_1, "70"))));

        store.replaceDays(member, VK, Map.of(JUNE_1, List.of()));

        assertEquals(List.of(), store.days(member, JUNE_1, JUNE_1));
    }

    @Test
    void monthsSumEachCampaignsDaysCrossCheckedWithADirectSum() {
        List<CampaignDaySpend> rows = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 4, 20);
        IntStream.range(0, 45).forEach(i -> {
            LocalDate day = first.plusDays(i);
            rows.add(row(DIRECT, "101", day, i + ".25"));
            rows.add(row(VK, "9001", day, "10"));
        });
        for (CampaignDaySpend r : rows) {
            AdAccount account = r.campaign().account();
            store.replaceDays(member, account, Map.of(r.day(), rows.stream()
                    .filter(o -> o.day().equals(r.day()) && o.campaign().account().equals(account)).toList()));
        }

        BigDecimal directMay = BigDecimal.ZERO;
        for (int i = 0; i < 45; i++) {
            if (first.plusDays(i).getMonthValue() == 5) {
                directMay = directMay.add(new BigDecimal(i + ".25"));
            }
        }
        List<CampaignMonthSpend> months = store.months(member, YearMonth.of(2026, 5), YearMonth.of(2026, 5));
        assertEquals(List.of(
                new CampaignMonthSpend(DIRECT.campaign("101"), "Campaign 101", YearMonth.of(2026, 5), directMay),
                new CampaignMonthSpend(VK.campaign("9001"), "Campaign 9001", YearMonth.of(2026, 5),
                        new BigDecimal("310"))), months);
    }

    @Test
    void aRowOfAnotherAccountOrDayIsRefusedAndNothingIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> store.replaceDays(member, DIRECT,
                Map.of(MAY_31, List.of(row(VK, "9001", MAY_31, "1")))));
        assertThrows(IllegalArgumentException.class, () -> store.replaceDays(member, DIRECT,
                Map.of(MAY_31, List.of(row(DIRECT, "101", JUNE_1, "1")))));
        assertThrows(IllegalArgumentException.class, () -> store.replaceDays(member, DIRECT,
                Map.of(MAY_31, List.of(row(DIRECT, "101", MAY_31, "1"), row(DIRECT, "101", MAY_31, "2")))));

        assertEquals(List.of(), store.days(member, MAY_31, JUNE_1));
    }

    @Test
    void idsThatCouldBreakAKeyAndBadAmountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdAccount(AdPlatform.VK_ADS, "12#34"));
        assertThrows(IllegalArgumentException.class, () -> new CampaignKey(AdPlatform.VK_ADS, "1", "~"));
        assertThrows(IllegalArgumentException.class, () -> new CampaignKey(AdPlatform.VK_ADS, "1", ""));
        assertThrows(IllegalArgumentException.class, () -> row(VK, "1", MAY_31, "-1"));
        assertThrows(IllegalArgumentException.class, () -> row(VK, "1", MAY_31, "0.001"));
    }

    @Test
    void purgingThePortalDeletesItsImportedSpend() {
        store.replaceDays(member, VK, Map.of(MAY_31, List.of(row(VK, "9001", MAY_31, "70"))));

        new InstallationStore(LocalDynamo.client(), LocalDynamo.TABLE).purge(member);

        assertEquals(List.of(), store.days(member, MAY_31, MAY_31));
    }

    @Test
    void anotherPortalsSpendIsNeverVisible() {
        String other = LocalDynamo.freshMemberId();
        store.replaceDays(other, VK, Map.of(MAY_31, List.of(row(VK, "9001", MAY_31, "70"))));

        assertEquals(List.of(), store.days(member, MAY_31, MAY_31));
        assertEquals(List.of(), store.months(member, YearMonth.of(2026, 5), YearMonth.of(2026, 5)));
    }
}
