package ru.unitecon.core.currency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendAmountTest {
    @Test
    void zeroOrMoreInWholeKopecksIsSpend() {
        for (String good : List.of("0", "12000", "12000.5", "12000.50", "1.500", "1E+3")) {
            assertTrue(SpendAmount.isValid(new BigDecimal(good)), good);
            assertEquals(new BigDecimal(good), SpendAmount.requireValid(new BigDecimal(good)));
        }
    }

    @Test
    void aNegativeAmountOrAFractionOfAKopeckIsNot() {
        for (String bad : List.of("-1", "-0.01", "1.001", "0.005")) {
            assertFalse(SpendAmount.isValid(new BigDecimal(bad)), bad);
            assertThrows(IllegalArgumentException.class, () -> SpendAmount.requireValid(new BigDecimal(bad)));
        }
        assertFalse(SpendAmount.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> SpendAmount.requireValid(null));
    }

    @Test
    void onlyAPlainlyWrittenAmountIsRead() {
        assertEquals(Optional.of(new BigDecimal("12000.50")), SpendAmount.parse("12000.50"));
        assertEquals(Optional.of(new BigDecimal("7")), SpendAmount.parse("7"));
        for (String bad : List.of("", "-5", "+5", "1.234", "1e3", "1,5", ".5", "5.", "12 000", "١٢", "abc")) {
            assertEquals(Optional.empty(), SpendAmount.parse(bad), bad);
        }
        assertEquals(Optional.empty(), SpendAmount.parse(null));
    }
}
