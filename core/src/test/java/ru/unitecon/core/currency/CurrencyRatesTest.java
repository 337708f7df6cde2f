package ru.unitecon.core.currency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurrencyRatesTest {
    private static final Instant READ = Instant.parse("2026-09-01T06:00:00Z");
    /** A rouble portal: a dollar for 92.45, a hundred tenge for 18.31 (crm.currency.list's AMOUNT and AMOUNT_CNT). */
    private static final CurrencyRates ROUBLES = new CurrencyRates("RUB", Map.of(
            "RUB", Rate.PAR,
            "USD", new Rate(new BigDecimal("92.4500"), BigDecimal.ONE),
            "KZT", new Rate(new BigDecimal("18.3100"), new BigDecimal("100"))), READ, READ);

    private static Optional<BigDecimal> convert(String amount, String from, String to) {
        return ROUBLES.convert(new BigDecimal(amount), from, to);
    }

    @Test
    void dollarsBecomeRoublesAtThePortalsRate() {
        assertEquals(Optional.of(new BigDecimal("9245.00")), convert("100", "USD", "RUB"));
    }

    @Test
    void aRateForAHundredUnitsIsDividedByTheUnitCount() {
        assertEquals(Optional.of(new BigDecimal("1831.00")), convert("10000", "KZT", "RUB"));
    }

    @Test
    void betweenTwoOtherCurrenciesTheConversionGoesThroughTheBaseDividedOnce() {
        // 100 USD = 9245 RUB = 50 491.53… KZT; one division, rounded half-even to the cent.
        assertEquals(Optional.of(new BigDecimal("50491.53")), convert("100", "USD", "KZT"));
    }

    @Test
    void roundingIsHalfEvenToKopecks() {
        CurrencyRates rates = new CurrencyRates("RUB", Map.of("EUR", new Rate(new BigDecimal("100.005"),
                BigDecimal.ONE)), READ, READ);

        assertEquals(Optional.of(new BigDecimal("100.00")), rates.convert(BigDecimal.ONE, "EUR", "RUB"));
        assertEquals(Optional.of(new BigDecimal("300.02")), rates.convert(new BigDecimal("3"), "EUR", "RUB"));
    }

    @Test
    void aCurrencyThePortalDoesNotRateConvertsToNothing() {
        assertEquals(Optional.empty(), convert("500", "BYN", "RUB"));
        assertEquals(Optional.empty(), convert("500", "RUB", "BYN"));
    }

    @Test
    void theSameCurrencyNeedsNoRate() {
        assertEquals(Optional.of(new BigDecimal("1500.00")),
                CurrencyRates.unknown().convert(new BigDecimal("1500.00"), "RUB", "RUB"));
        assertEquals(Optional.empty(), CurrencyRates.unknown().convert(BigDecimal.TEN, "USD", "RUB"));
    }

    @Test
    void theBaseIsAtParEvenWhenTheListLeavesItOut() {
        CurrencyRates withoutBase = new CurrencyRates("RUB", Map.of("USD", new Rate(new BigDecimal("90"),
                BigDecimal.ONE)), READ, READ);

        assertEquals(Optional.of(new BigDecimal("900.00")), withoutBase.convert(BigDecimal.TEN, "USD", "RUB"));
    }

    @Test
    void ratesAreAskedForAgainAtLeastDaily() {
        assertTrue(CurrencyRates.unknown().isDueForRefresh(READ));
        assertFalse(ROUBLES.isDueForRefresh(READ.plus(Duration.ofHours(19))));
        assertTrue(ROUBLES.isDueForRefresh(READ.plus(Duration.ofHours(20))));
        assertFalse(ROUBLES.checkedAt(READ.plus(Duration.ofHours(20))).isDueForRefresh(READ.plus(Duration.ofHours(21))),
                "a refused question waits for the next day too");
    }

    @Test
    void codesAreThreeCapitalLetters() {
        assertThrows(IllegalArgumentException.class, () -> new CurrencyRates("rub", Map.of(), READ, READ));
        assertThrows(IllegalArgumentException.class, () -> new Rate(BigDecimal.ZERO, BigDecimal.ONE));
    }
}
