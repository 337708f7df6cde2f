package ru.unitecon.core.spend;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpendMergingTest {
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    private final SpendStore store = new SpendStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final SpendMerging merging = new SpendMerging(store);
    private final String member = LocalDynamo.freshMemberId();

    private Map<YearMonth, Map<String, BigDecimal>> tableAsLoaded() {
        store.replaceMonths(member, Map.of(MAY, Map.of("vk", new BigDecimal("100")),
                JUNE, Map.of("vk", new BigDecimal("200"))));
        return Map.of(MAY, Map.of("vk", new BigDecimal("100")), JUNE, Map.of("vk", new BigDecimal("200")));
    }

    private Map<AggregateKey, BigDecimal> stored() {
        return store.load(member, MAY, JUNE);
    }

    @Test
    void onlyTheMonthsThatDifferFromTheTableAreStored() {
        Map<YearMonth, Map<String, BigDecimal>> shown = tableAsLoaded();
        // Changed meanwhile by someone else: the table's May is left as it was typed, so May is not written.
        store.replaceCells(member, Map.of(new AggregateKey(MAY, "vk"), new BigDecimal("111")));

        Set<YearMonth> saved = merging.save(member, shown, Map.of(MAY, Map.of("vk", new BigDecimal("100.00")),
                JUNE, Map.of("vk", new BigDecimal("250.50"))), List.of("vk"));

        assertEquals(Set.of(JUNE), saved);
        assertEquals(Map.of(new AggregateKey(MAY, "vk"), new BigDecimal("111"),
                new AggregateKey(JUNE, "vk"), new BigDecimal("250.5")), stored());
    }

    @Test
    void spendPostedMeanwhileForAChannelTheTableDoesNotShowIsCarriedOver() {
        Map<YearMonth, Map<String, BigDecimal>> shown = tableAsLoaded();
        store.replaceCells(member, Map.of(new AggregateKey(JUNE, "avito"), new BigDecimal("50"),
                new AggregateKey(JUNE, "instagram"), new BigDecimal("70")));

        merging.save(member, shown, Map.of(MAY, Map.of("vk", new BigDecimal("100")),
                JUNE, Map.of("vk", new BigDecimal("300"))), List.of("vk", "instagram"));

        // instagram is in the table and was left empty there, so the month replaced whole drops it.
        assertEquals(Map.of(new AggregateKey(MAY, "vk"), new BigDecimal("100"),
                new AggregateKey(JUNE, "vk"), new BigDecimal("300"),
                new AggregateKey(JUNE, "avito"), new BigDecimal("50")), stored());
    }

    @Test
    void aCellClearedInTheTableLosesItsSpend() {
        Map<YearMonth, Map<String, BigDecimal>> shown = tableAsLoaded();

        assertEquals(Set.of(MAY), merging.save(member, shown, Map.of(MAY, Map.of(),
                JUNE, Map.of("vk", new BigDecimal("200"))), List.of("vk")));

        assertEquals(Map.of(new AggregateKey(JUNE, "vk"), new BigDecimal("200")), stored());
    }

    @Test
    void aTableAsItWasLoadedStoresNothing() {
        Map<YearMonth, Map<String, BigDecimal>> shown = tableAsLoaded();

        assertEquals(Set.of(), merging.save(member, shown, shown, List.of("vk")));

        assertEquals(Map.of(new AggregateKey(MAY, "vk"), new BigDecimal("100"),
                new AggregateKey(JUNE, "vk"), new BigDecimal("200")), stored());
    }

    @Test
    void aBadAmountAnywhereStoresNothing() {
        Map<YearMonth, Map<String, BigDecimal>> shown = tableAsLoaded();
        Map<AggregateKey, BigDecimal> before = stored();

        for (String bad : List.of("-1", "1.001")) {
            assertThrows(IllegalArgumentException.class, () -> merging.save(member, shown, Map.of(
                    MAY, Map.of("vk", new BigDecimal("500")), JUNE, Map.of("vk", new BigDecimal(bad))),
                    List.of("vk")));
        }

        assertEquals(before, stored());
    }

    @Test
    void savingAMonthKeepsTheTypedFigureOfACellTheImportFills() {
        store.replaceMonths(member, Map.of(MAY, Map.of("vk", new BigDecimal("100"), "avito", new BigDecimal("10"))));
        store.replaceImportedMonths(member, Map.of(MAY, Map.of("vk", new BigDecimal("345.67"), "yandex_direct",
                new BigDecimal("900"))));
        Map<YearMonth, Map<String, BigDecimal>> shown = Map.of(MAY, Map.of("vk", new BigDecimal("345.67"),
                "avito", new BigDecimal("10"), "yandex_direct", new BigDecimal("900")));

        merging.save(member, shown, Map.of(MAY, Map.of("vk", new BigDecimal("345.67"), "avito", new BigDecimal("20"),
                "yandex_direct", new BigDecimal("900"))), List.of("vk", "avito", "yandex_direct"));

        var sources = store.sources(member, MAY, MAY);
        assertEquals(new BigDecimal("100"), sources.get(new AggregateKey(MAY, "vk")).typed());
        assertEquals(null, sources.get(new AggregateKey(MAY, "yandex_direct")).typed());
        assertEquals(new BigDecimal("20"), sources.get(new AggregateKey(MAY, "avito")).typed());
        assertEquals(new BigDecimal("345.67"), store.load(member, MAY, MAY).get(new AggregateKey(MAY, "vk")));
    }
}
