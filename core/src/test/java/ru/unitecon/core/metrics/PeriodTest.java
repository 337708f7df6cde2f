package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @Test
    void aQuarterIsItsThreeMonths() {
        Period q2 = Period.quarter(2026, 2);

        assertEquals(List.of(YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6)), q2.months());
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsJustBefore() {
        assertEquals(Period.quarter(2025, 4), Period.quarter(2026, 1).previous());
        assertEquals(Period.month(YearMonth.of(2025, 12)), Period.month(YearMonth.of(2026, 1)).previous());
    }

    @Test
    void bothEndsBelongToThePeriod() {
        Period period = new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3));

        assertTrue(period.contains(YearMonth.of(2026, 1)));
        assertTrue(period.contains(YearMonth.of(2026, 3)));
        assertFalse(period.contains(YearMonth.of(2026, 4)));
        assertEquals(3, period.length());
    }

    @Test
    void theTrailingYearEndsWithTheGivenMonth() {
        assertEquals(new Period(YearMonth.of(2025, 4), YearMonth.of(2026, 3)),
                Period.endingWith(YearMonth.of(2026, 3), 12));
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new Period(YearMonth.of(2026, 3), YearMonth.of(2026, 2)));
        assertThrows(IllegalArgumentException.class, () -> Period.quarter(2026, 5));
    }
}
