package ru.unitecon.ui.data;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeriodChoicesTest {

    @Test
    void monthsGoBackTwoYearsFromTheCurrentOne() {
        List<Period> months = PeriodChoices.of(PeriodChoices.Kind.MONTH, YearMonth.of(2026, 3));

        assertEquals(24, months.size());
        assertEquals(Period.month(YearMonth.of(2026, 3)), months.getFirst());
        assertEquals(Period.month(YearMonth.of(2024, 4)), months.getLast());
    }

    @Test
    void quartersStartWithTheOneHoldingTheCurrentMonth() {
        List<Period> quarters = PeriodChoices.of(PeriodChoices.Kind.QUARTER, YearMonth.of(2026, 5));

        assertEquals(8, quarters.size());
        assertEquals(Period.quarter(2026, 2), quarters.getFirst());
        assertEquals(Period.quarter(2024, 3), quarters.getLast());
    }
}
