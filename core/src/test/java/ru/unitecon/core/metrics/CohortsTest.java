package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.attribution.Channel.VK;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class CohortsTest {
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final PortalSettings QUARTER_OF_REVENUE_IS_VARIABLE =
            PortalSettings.defaults().withVariableCost(VariableCost.percent("25"));

    /**
     * Four clients acquired in January for 4000 ₽ (CAC 1000). At 75 % margin their orders leave 1500, 900, 1800 and
     * 600 ₽ in their first four months: per client 375, 600, 1050 and 1200 ₽ cumulatively.
     */
    private static PortalFixture januaryCohort() {
        return new PortalFixture()
                .spend(JANUARY, INSTAGRAM, "4000")
                .count(JANUARY, INSTAGRAM, Measure.NEW_CLIENTS, 4)
                .cohort(JANUARY, INSTAGRAM, 0, 2, "2000")
                .cohort(JANUARY, INSTAGRAM, 1, 1, "1200")
                .cohort(JANUARY, INSTAGRAM, 2, 2, "2400")
                .cohort(JANUARY, INSTAGRAM, 3, 1, "800");
    }

    @Test
    void observedLtvIsCumulativeMarginPerClientAfterEachWholeMonth() {
        MetricsEngine engine = januaryCohort().engine(QUARTER_OF_REVENUE_IS_VARIABLE);

        CohortRow january = engine.cohorts(Period.month(JANUARY), Optional.of(INSTAGRAM), YearMonth.of(2026, 7))
                .getFirst();

        assertEquals(4, january.size());
        assertValue("1000", january.cac());
        assertValue("375", january.ltvAfter1Month());
        assertValue("1050", january.ltvAfter3Months());
        assertValue("1200", january.ltvAfter6Months());
        assertUndefined(january.ltvAfter12Months());
    }

    @Test
    void cohortPaysBackInTheFirstMonthItsObservedLtvReachesCac() {
        MetricsEngine engine = januaryCohort().engine(QUARTER_OF_REVENUE_IS_VARIABLE);

        CohortRow january = engine.cohorts(Period.month(JANUARY), Optional.empty(), YearMonth.of(2026, 7))
                .getFirst();

        assertEquals(OptionalInt.of(3), january.paybackMonth());
    }

    @Test
    void monthsNotOverYetGiveNoObservedLtvAndNoPayback() {
        MetricsEngine engine = januaryCohort().engine(QUARTER_OF_REVENUE_IS_VARIABLE);

        CohortRow january = engine.cohorts(Period.month(JANUARY), Optional.of(INSTAGRAM), YearMonth.of(2026, 3))
                .getFirst();

        assertValue("375", january.ltvAfter1Month());
        assertUndefined(january.ltvAfter3Months());
        assertEquals(OptionalInt.empty(), january.paybackMonth());
    }

    @Test
    void anEmptyCohortHasNoCacNoObservedLtvAndNoPayback() {
        MetricsEngine engine = januaryCohort().spend(FEBRUARY, INSTAGRAM, "3000")
                .engine(QUARTER_OF_REVENUE_IS_VARIABLE);

        List<CohortRow> rows = engine.cohorts(new Period(JANUARY, FEBRUARY), Optional.of(INSTAGRAM),
                YearMonth.of(2027, 6));
        CohortRow february = rows.get(1);

        assertEquals(FEBRUARY, february.acquisitionMonth());
        assertEquals(0, february.size());
        assertUndefined(february.cac());
        assertUndefined(february.ltvAfter1Month());
        assertUndefined(february.ltvAfter12Months());
        assertEquals(OptionalInt.empty(), february.paybackMonth());
    }

    @Test
    void cohortsOfAnotherChannelAreLeftOut() {
        MetricsEngine engine = januaryCohort().engine(QUARTER_OF_REVENUE_IS_VARIABLE);

        CohortRow vk = engine.cohorts(Period.month(JANUARY), Optional.of(VK), YearMonth.of(2026, 7)).getFirst();

        assertEquals(0, vk.size());
    }
}
