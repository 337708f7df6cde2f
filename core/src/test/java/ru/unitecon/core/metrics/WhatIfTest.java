package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class WhatIfTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Period IN_MARCH = Period.month(MARCH);
    private static final Optional<String> ON_INSTAGRAM = Optional.of(INSTAGRAM);

    /**
     * Seed 001's salon: 100 orders at 1200 ₽ with 300 ₽ of variable cost, 100 new clients for 40 000 ₽ (CAC 400),
     * 15 no-shows among 100 resolved appointments, one order a client a year (LTV 1800 over two years).
     */
    private static MetricsEngine salon() {
        return new PortalFixture()
                .spend(MARCH, INSTAGRAM, "40000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 100)
                .count(MARCH, INSTAGRAM, Measure.ACTIVE_CLIENTS, 100)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 100)
                .revenue(MARCH, INSTAGRAM, "120000")
                .count(MARCH, INSTAGRAM, Measure.ATTENDED, 85)
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 15)
                .engine(PortalSettings.defaults().withVariableCost(VariableCost.perOrder("300")));
    }

    @Test
    void seed001CuttingNoShowsTo7PercentRaisesRealisedRevenueByAbout9point4Percent() {
        WhatIfOutcome outcome = salon().whatIf(IN_MARCH, ON_INSTAGRAM, WhatIf.noShowRate(new BigDecimal("0.07")));

        assertValue("0.094118", outcome.revenueUplift());
        assertValue("120000", outcome.actual().revenue());
        assertValue("131294.117647", outcome.projected().revenue());
        assertValue("500", outcome.projected().contributionPerVisit());
    }

    @Test
    void aLowerCacRaisesContributionAndLtvToCac() {
        WhatIfOutcome outcome = salon().whatIf(IN_MARCH, ON_INSTAGRAM, WhatIf.cac(new BigDecimal("200")));

        assertValue("500", outcome.actual().contributionPerVisit());
        assertValue("700", outcome.projected().contributionPerVisit());
        assertValue("4.5", outcome.actual().ltvToCac());
        assertValue("9", outcome.projected().ltvToCac());
        assertValue("0", outcome.revenueUplift());
    }

    @Test
    void bothTargetsApplyTogether() {
        WhatIf scenario = new WhatIf(Optional.of(new BigDecimal("0.07")), Optional.of(new BigDecimal("600")));

        WhatIfOutcome outcome = salon().whatIf(IN_MARCH, Optional.empty(), scenario);

        assertValue("131294.117647", outcome.projected().revenue());
        assertValue("300", outcome.projected().contributionPerVisit());
        assertValue("3", outcome.projected().ltvToCac());
    }

    @Test
    void aNoShowTargetCannotBeProjectedWithoutPastAppointments() {
        MetricsEngine engine = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 10)
                .revenue(MARCH, INSTAGRAM, "12000")
                .engine();

        WhatIfOutcome outcome = engine.whatIf(IN_MARCH, ON_INSTAGRAM, WhatIf.noShowRate(new BigDecimal("0.07")));

        assertUndefined(outcome.revenueUplift());
        assertUndefined(outcome.projected().revenue());
    }

    @Test
    void aTargetNoShowRateIsAFractionBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> WhatIf.noShowRate(BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> WhatIf.noShowRate(new BigDecimal("-0.1")));
        assertThrows(IllegalArgumentException.class, () -> WhatIf.cac(new BigDecimal("-1")));
    }
}
