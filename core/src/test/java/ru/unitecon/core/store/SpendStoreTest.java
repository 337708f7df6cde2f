package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpendStoreTest {
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    private final SpendStore spend = new SpendStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void reImportingAMonthReplacesItAndLeavesOtherMonthsAlone() {
        spend.replaceMonths(member, Map.of(
                MAY, Map.of("instagram", new BigDecimal("120000"), "vk", new BigDecimal("30000.5")),
                JUNE, Map.of("vk", new BigDecimal("1000"))));

        spend.replaceMonths(member, Map.of(MAY, Map.of("avito", new BigDecimal("5000"))));

        assertEquals(Map.of(
                new AggregateKey(MAY, "avito"), new BigDecimal("5000"),
                new AggregateKey(JUNE, "vk"), new BigDecimal("1000")), spend.load(member, MAY, JUNE));
    }

    @Test
    void aBadRowRejectsTheWholeChangeAndKeepsWhatWasThere() {
        spend.replaceMonths(member, Map.of(MAY, Map.of("vk", new BigDecimal("700"))));

        assertThrows(IllegalArgumentException.class, () -> spend.replaceMonths(member, Map.of(
                MAY, Map.of("vk", new BigDecimal("800"), "instagram", new BigDecimal("-1")))));
        assertThrows(IllegalArgumentException.class, () -> spend.replaceMonths(member, Map.of(
                MAY, Map.of("Bad Channel#", new BigDecimal("1")))));
        assertThrows(IllegalArgumentException.class, () -> spend.replaceMonths(member, Map.of(
                MAY, Map.of("vk", new BigDecimal("1.001")))));

        assertEquals(Map.of(new AggregateKey(MAY, "vk"), new BigDecimal("700")), spend.load(member, MAY, MAY));
    }

    @Test
    void anotherPortalsSpendIsNeverVisible() {
        String other = LocalDynamo.freshMemberId();
        spend.replaceMonths(other, Map.of(MAY, Map.of("vk", new BigDecimal("999"))));

        assertEquals(Map.of(), spend.load(member, MAY, MAY));
    }
}
