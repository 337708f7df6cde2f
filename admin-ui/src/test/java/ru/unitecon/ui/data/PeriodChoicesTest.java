package ru.unitecon.ui.data;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    @Test
    void theFirstPeriodIsTheLastCompleteMonthWithData() {
        YearMonth december = YearMonth.of(2026, 12);

        assertEquals(Period.month(YearMonth.of(2026, 11)), PeriodChoices.lastCompleteMonthWithData(december,
                Set.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), december)));
        assertEquals(Period.month(YearMonth.of(2026, 9)), PeriodChoices.lastCompleteMonthWithData(december,
                Set.of(YearMonth.of(2026, 9), december)), "a quiet month is skipped");
    }

    @Test
    void aPortalWhoseFirstDataIsThisMonthsOpensOnThisMonth() {
        YearMonth december = YearMonth.of(2026, 12);

        assertEquals(Period.month(december), PeriodChoices.lastCompleteMonthWithData(december, Set.of(december)));
        assertEquals(Period.month(december), PeriodChoices.lastCompleteMonthWithData(december, Set.of()));
    }

    @Test
    void aLinkNamesItsPeriodAndAnythingElseIsIgnored() {
        YearMonth march = YearMonth.of(2026, 3);

        assertEquals(Optional.of(Period.quarter(2026, 1)),
                PeriodChoices.fromQuery(PeriodChoices.toQuery(Period.quarter(2026, 1)), march));
        assertEquals(Optional.empty(), PeriodChoices.fromQuery(Map.of("from", List.of("2026-02")), march));
        assertEquals(Optional.empty(), PeriodChoices.fromQuery(
                Map.of("from", List.of("февраль"), "to", List.of("2026-02")), march));
        assertEquals(Optional.empty(), PeriodChoices.fromQuery(
                Map.of("from", List.of("2026-03"), "to", List.of("2026-02")), march), "ends before it starts");
        assertEquals(Optional.empty(), PeriodChoices.fromQuery(
                Map.of("from", List.of("2026-03"), "to", List.of("2026-04")), march), "a month still to come");
        assertEquals(Optional.empty(), PeriodChoices.fromQuery(
                Map.of("from", List.of("2020-01"), "to", List.of("2026-02")), march), "older than the choices");
    }
}
