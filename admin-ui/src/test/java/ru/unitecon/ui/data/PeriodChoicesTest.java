package ru.unitecon.ui.data;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

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

    @Test
    void aCustomPeriodRunsFromItsFirstToItsLastMonth() {
        assertEquals(Optional.of(new Period(YearMonth.of(2025, 11), YearMonth.of(2026, 2))),
                PeriodChoices.custom(YearMonth.of(2025, 11), YearMonth.of(2026, 2)));
        assertEquals(Optional.of(Period.month(YearMonth.of(2026, 2))),
                PeriodChoices.custom(YearMonth.of(2026, 2), YearMonth.of(2026, 2)));
    }

    @Test
    void aCustomPeriodThatEndsBeforeItStartsIsRefused() {
        assertEquals(Optional.empty(), PeriodChoices.custom(YearMonth.of(2026, 3), YearMonth.of(2026, 1)));
    }

    @Test
    void customPeriodsChooseFromTheSameTwoYearsOfMonths() {
        List<YearMonth> months = PeriodChoices.months(YearMonth.of(2026, 3));

        assertEquals(24, months.size());
        assertEquals(YearMonth.of(2026, 3), months.getFirst());
        assertEquals(YearMonth.of(2024, 4), months.getLast());
        assertEquals(new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3)),
                PeriodChoices.defaultCustom(YearMonth.of(2026, 3)));
    }
}
