package ru.unitecon.core.currency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountTest {
    private static final Instant MONDAY = Instant.parse("2026-09-07T06:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-09-08T06:00:00Z");
    private static final CurrencyRates ON_MONDAY = rates("90", MONDAY);
    private static final CurrencyRates ON_TUESDAY = rates("95", TUESDAY);

    private static CurrencyRates rates(String dollar, Instant at) {
        return new CurrencyRates("RUB", Map.of("RUB", Rate.PAR, "USD", new Rate(new BigDecimal(dollar),
                BigDecimal.ONE)), at, at);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void anOrderKeepsItsValueWhenTheRateMovesAndNothingElseDoes() {
        Amount applied = Amount.of(money("100.00"), "USD", "RUB", ON_MONDAY);

        Amount edited = applied.follow(money("100.00"), "USD", "RUB", ON_TUESDAY);

        assertSame(applied, edited, "an edit of the title must not revalue the order");
        assertEquals(money("9000.00"), edited.converted());
    }

    @Test
    void aNewAmountIsConvertedAtTheRateOfTheDayItWasSeen() {
        Amount applied = Amount.of(money("100.00"), "USD", "RUB", ON_MONDAY);

        Amount raised = applied.follow(money("120.00"), "USD", "RUB", ON_TUESDAY);

        assertEquals(money("11400.00"), raised.converted());
    }

    @Test
    void anAmountWithoutACurrencyIsInThePortalsBaseCurrency() {
        Amount amount = Amount.of(money("1500.00"), null, "RUB", ON_MONDAY);

        assertEquals("RUB", amount.currency());
        assertEquals(money("1500.00"), amount.converted());
    }

    @Test
    void anAmountInACurrencyWithoutARateIsNotCountedUntilThePortalRatesIt() {
        Amount unrated = Amount.of(money("500.00"), "BYN", "RUB", ON_MONDAY);
        CurrencyRates withRoubleOfBelarus = new CurrencyRates("RUB", Map.of("BYN", new Rate(new BigDecimal("28"),
                BigDecimal.ONE)), TUESDAY, TUESDAY);

        assertFalse(unrated.isCounted());
        assertNull(unrated.converted());
        assertTrue(unrated.needsConversion("RUB"));
        assertEquals(money("14000.00"), unrated.reconverted("RUB", withRoubleOfBelarus).converted());
    }

    @Test
    void anotherReportingCurrencyConvertsEveryAmountAgain() {
        Amount applied = Amount.of(money("9000.00"), "RUB", "RUB", ON_MONDAY);

        Amount inDollars = applied.reconverted("USD", ON_TUESDAY);

        assertEquals("USD", inDollars.convertedTo());
        assertEquals(money("94.74"), inDollars.converted());
        assertSame(applied, applied.reconverted("RUB", ON_TUESDAY));
    }
}
