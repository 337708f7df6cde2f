package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.attribution.Channel.VK;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class MetricsEngineTest {
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Period IN_MARCH = Period.month(MARCH);

    @Test
    void seed000InstagramCacIs1200ForAMonthWith120000SpentAnd100NewClients() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "120000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 100)
                .engine();

        assertValue("1200", engine.channel(IN_MARCH, INSTAGRAM).cac());
    }

    @Test
    void seed000CacIs700For70000SpentAnd100NewClientsAndTheTotalPoolsBothChannels() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "120000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 100)
                .spend(MARCH, VK, "70000")
                .count(MARCH, VK, Measure.NEW_CLIENTS, 100)
                .engine();

        assertValue("700", engine.channel(IN_MARCH, VK).cac());
        assertValue("950", engine.total(IN_MARCH).cac());
    }

    @Test
    void seed000LtvIs24000AndLtvToCacAbout34point3ThroughTheEngine() {
        // AOV 2000 ₽, 600 orders by 100 active clients over the trailing year, retention 2 years by default.
        PortalFixture portal = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "70000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 100)
                .count(MARCH, INSTAGRAM, Measure.ACTIVE_CLIENTS, 100);
        for (YearMonth month : Period.endingWith(MARCH, 12).months()) {
            portal.count(month, INSTAGRAM, Measure.ORDERS, 50).revenue(month, INSTAGRAM, "100000");
        }

        PeriodMetrics march = portal.engine().channel(IN_MARCH, INSTAGRAM);

        assertValue("2000", march.aov());
        assertValue("6", march.purchaseFrequency());
        assertValue("24000", march.ltv());
        assertValue("34.285714", march.ltvToCac());
        assertFalse(march.ltvToCacBelowTarget());
        assertValue("0.7", march.paybackMonths());
    }

    @Test
    void seed001SalonWithCac1000IsFlaggedAsLosingMoneyThroughTheEngine() {
        MetricsEngine engine = salonWithCac("10000").engine(salonSettings());

        PeriodMetrics march = engine.channel(IN_MARCH, INSTAGRAM);

        assertValue("-100", march.contributionPerVisit());
        assertTrue(march.losingMoney());
    }

    @Test
    void seed001SalonWithCac400IsNotFlaggedThroughTheEngine() {
        MetricsEngine engine = salonWithCac("4000").engine(salonSettings());

        PeriodMetrics march = engine.channel(IN_MARCH, INSTAGRAM);

        assertValue("500", march.contributionPerVisit());
        assertFalse(march.losingMoney());
    }

    @Test
    void seed003LtvToCacUnder3IsWarnedAboutThroughTheEngine() {
        // AOV 1000, 2 orders a client a year, 2 years: LTV 4000 against a CAC of 2000.
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, VK, "20000")
                .count(MARCH, VK, Measure.NEW_CLIENTS, 10)
                .count(MARCH, VK, Measure.ACTIVE_CLIENTS, 10)
                .count(MARCH, VK, Measure.ORDERS, 20)
                .revenue(MARCH, VK, "20000")
                .engine();

        PeriodMetrics march = engine.channel(IN_MARCH, VK);

        assertValue("2", march.ltvToCac());
        assertTrue(march.ltvToCacBelowTarget());
    }

    @Test
    void cacIsUndefinedWhenNoNewClientsAndTheChannelIsLosingMoney() {
        MetricsEngine engine = new PortalFixture().spend(MARCH, INSTAGRAM, "50000").engine();

        PeriodMetrics march = engine.channel(IN_MARCH, INSTAGRAM);

        assertUndefined(march.cac());
        assertUndefined(march.ltvToCac());
        assertTrue(march.losingMoney(), "spend and no new client is the worst case, not an exempt one");
        assertEquals(Optional.of(LosingMoney.SPEND_WITHOUT_NEW_CLIENTS), march.losingMoneyReason());
    }

    @Test
    void aovAndLtvAreUndefinedWhenNoOrders() {
        MetricsEngine engine = new PortalFixture().count(MARCH, INSTAGRAM, Measure.LEADS, 10).engine();

        PeriodMetrics march = engine.total(IN_MARCH);

        assertUndefined(march.aov());
        assertUndefined(march.cpo());
        assertUndefined(march.ltv());
        assertUndefined(march.revenueLostToNoShows());
    }

    @Test
    void romiIsUndefinedWhenNoSpend() {
        MetricsEngine engine = new PortalFixture()
                .count(MARCH, Channel.REFERRAL, Measure.ORDERS, 3)
                .revenue(MARCH, Channel.REFERRAL, "6000")
                .engine();

        assertUndefined(engine.channel(IN_MARCH, Channel.REFERRAL).romi());
    }

    @Test
    void appointmentRatesAreUndefinedWhenNoAppointments() {
        MetricsEngine engine = new PortalFixture().count(MARCH, INSTAGRAM, Measure.LEADS, 10).engine();

        PeriodMetrics march = engine.total(IN_MARCH);

        assertUndefined(march.noShowRate());
        assertUndefined(march.confirmationRate());
        assertValue("0", march.leadToAppointmentConversion());
    }

    @Test
    void appointmentMetricsCountResolvedVisitsOnly() {
        MetricsEngine engine = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.LEADS, 200)
                .count(MARCH, INSTAGRAM, Measure.LEADS_WITH_APPOINTMENT, 110)
                .count(MARCH, INSTAGRAM, Measure.APPOINTMENTS, 110)
                .count(MARCH, INSTAGRAM, Measure.CONFIRMED, 66)
                .count(MARCH, INSTAGRAM, Measure.ATTENDED, 85)
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 15)
                .count(MARCH, INSTAGRAM, Measure.CANCELLED, 10)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 85)
                .revenue(MARCH, INSTAGRAM, "102000")
                .engine();

        PeriodMetrics march = engine.total(IN_MARCH);

        assertValue("0.15", march.noShowRate());
        assertValue("0.6", march.confirmationRate());
        assertValue("0.55", march.leadToAppointmentConversion());
        assertValue("18000", march.revenueLostToNoShows());
        assertEquals(15, march.noShows());
    }

    @Test
    void processingCostCountsOncePerMonthInTheTotalAndNotPerChannel() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "20000")
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 40)
                .spend(FEBRUARY, INSTAGRAM, "20000")
                .count(FEBRUARY, INSTAGRAM, Measure.ORDERS, 40)
                .engine(PortalSettings.defaults().withProcessingCostPerMonth(new BigDecimal("10000")));
        Period twoMonths = new Period(FEBRUARY, MARCH);

        PeriodMetrics total = engine.total(twoMonths);
        PeriodMetrics instagram = engine.channel(twoMonths, INSTAGRAM);

        assertAmount("20000", total.processingCost());
        assertValue("750", total.cpo());
        assertAmount("0", instagram.processingCost());
        assertValue("500", instagram.cpo());
    }

    @Test
    void romiTakesTheGrossMarginAfterVariableCosts() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "30000")
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 100)
                .revenue(MARCH, INSTAGRAM, "120000")
                .engine(salonSettings());

        PeriodMetrics march = engine.total(IN_MARCH);

        assertAmount("90000", march.grossMargin());
        assertValue("2", march.romi());
    }

    @Test
    void retentionRateComparesActiveClientsAtTheEndWithThoseBeforeThePeriod() {
        MetricsEngine engine = new PortalFixture()
                .count(FEBRUARY, INSTAGRAM, Measure.ACTIVE_CLIENTS, 100)
                .count(MARCH, INSTAGRAM, Measure.ACTIVE_CLIENTS, 110)
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 30)
                .engine();

        PeriodMetrics march = engine.total(IN_MARCH);

        assertValue("0.8", march.retentionRate());
        assertEquals(110, march.activeClientsAtEnd());
    }

    @Test
    void channelsAreListedByDescendingSpendThenCodeIncludingUnknown() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, VK, "30000")
                .spend(MARCH, INSTAGRAM, "30000")
                .spend(MARCH, Channel.YANDEX_DIRECT, "50000")
                .count(MARCH, Channel.UNKNOWN, Measure.LEADS, 4)
                .count(FEBRUARY, Channel.AVITO, Measure.LEADS, 9)
                .engine();

        List<String> channels = engine.byChannel(IN_MARCH).stream()
                .map(metrics -> metrics.channel().orElseThrow())
                .toList();

        assertEquals(List.of(Channel.YANDEX_DIRECT, INSTAGRAM, VK, Channel.UNKNOWN), channels);
    }

    @Test
    void unknownSourceShareIsTheShareOfLeadsWithoutASourceForTheWholePortalOnly() {
        MetricsEngine engine = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.LEADS, 80)
                .count(MARCH, Channel.UNKNOWN, Measure.LEADS, 20)
                .engine();

        assertValue("0.2", engine.total(IN_MARCH).unknownSourceShareOfLeads());
        assertUndefined(engine.channel(IN_MARCH, INSTAGRAM).unknownSourceShareOfLeads());
    }

    @Test
    void comparisonShowsTheChangeAgainstTheSameLengthPeriodBefore() {
        MetricsEngine engine = new PortalFixture()
                .spend(FEBRUARY, INSTAGRAM, "40000")
                .count(FEBRUARY, INSTAGRAM, Measure.NEW_CLIENTS, 50)
                .spend(MARCH, INSTAGRAM, "60000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 50)
                .engine();

        PeriodComparison comparison = engine.compare(IN_MARCH, Optional.of(INSTAGRAM));
        Change cac = comparison.change(PeriodMetrics::cac);

        assertEquals(Period.month(FEBRUARY), comparison.previous().period());
        assertValue("400", cac.absolute());
        assertValue("0.5", cac.relative());
        assertValue("20000", comparison.changeOfAmount(PeriodMetrics::spend).absolute());
    }

    @Test
    void relativeChangeIsUndefinedWhenThePreviousValueIsZeroOrUndefined() {
        MetricsEngine engine = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "60000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 50)
                .engine();

        PeriodComparison comparison = engine.compare(IN_MARCH, Optional.empty());

        assertUndefined(comparison.change(PeriodMetrics::cac).relative());
        assertValue("50", comparison.changeOfCount(PeriodMetrics::newClients).absolute());
        assertUndefined(comparison.changeOfCount(PeriodMetrics::newClients).relative());
    }

    @Test
    void trendGivesEachMonthItsOwnMetrics() {
        MetricsEngine engine = new PortalFixture()
                .spend(FEBRUARY, INSTAGRAM, "40000")
                .count(FEBRUARY, INSTAGRAM, Measure.NEW_CLIENTS, 50)
                .spend(MARCH, INSTAGRAM, "60000")
                .engine();

        List<PeriodMetrics> trend = engine.trend(new Period(FEBRUARY, MARCH), Optional.of(INSTAGRAM));

        assertEquals(2, trend.size());
        assertValue("800", trend.get(0).cac());
        assertUndefined(trend.get(1).cac());
    }

    @Test
    void negativeSpendIsRefused() {
        PortalFixture portal = new PortalFixture().spend(MARCH, INSTAGRAM, "-1");

        assertThrows(IllegalArgumentException.class, portal::engine);
    }

    private static PortalFixture salonWithCac(String spendOn10NewClients) {
        return new PortalFixture()
                .spend(MARCH, INSTAGRAM, spendOn10NewClients)
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 10)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 10)
                .revenue(MARCH, INSTAGRAM, "12000");
    }

    private static PortalSettings salonSettings() {
        return PortalSettings.defaults().withVariableCost(VariableCost.perOrder("300"));
    }

    @Test
    void pastVisitsNobodyMarkedCountInTheNoShowRate() {
        PortalFixture portal = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 3)
                .openVisits(MARCH, INSTAGRAM, 10, 12)
                .count(MARCH, INSTAGRAM, Measure.ATTENDED, 5);

        PeriodMetrics march = portal.engine().channel(IN_MARCH, INSTAGRAM);

        assertValue("0.15", march.noShowRate());
        assertEquals(12, march.unmarkedPastVisits());
    }

    @Test
    void aVisitOfTheCurrentMonthNobodyMarkedIsPastFromTheDayAfterItsDate() {
        PortalFixture portal = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 1)
                .openVisits(MARCH, INSTAGRAM, 19, 1)
                .openVisits(MARCH, INSTAGRAM, 20, 2)
                .openVisits(MARCH, INSTAGRAM, 21, 4);
        java.time.Instant march20 = java.time.LocalDateTime.parse("2026-03-20T16:00")
                .atZone(PortalSettings.DEFAULT_ZONE).toInstant();

        PeriodMetrics march = portal.engineAt(march20).channel(IN_MARCH, INSTAGRAM);

        assertEquals(1, march.unmarkedPastVisits(), "yesterday's visit is past; today's and tomorrow's not yet");
        assertValue("0.5", march.noShowRate());
        assertEquals(0, portal.engineAt(march20.minusSeconds(86_400 * 30)).channel(IN_MARCH, INSTAGRAM)
                .unmarkedPastVisits(), "nothing of a month still ahead is past");
    }

    @Test
    void revenueLostAndTheWhatIfFollowTheRateOverPastVisits() {
        PortalFixture portal = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 10)
                .revenue(MARCH, INSTAGRAM, "20000")
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 3)
                .count(MARCH, INSTAGRAM, Measure.ATTENDED, 10)
                .openVisits(MARCH, INSTAGRAM, 5, 7);

        MetricsEngine engine = portal.engine();
        PeriodMetrics march = engine.channel(IN_MARCH, INSTAGRAM);
        WhatIfOutcome halved = engine.whatIf(IN_MARCH, Optional.of(INSTAGRAM), WhatIf.noShowRate(
                new java.math.BigDecimal("0.075")));

        assertValue("0.15", march.noShowRate());
        assertValue("6000", march.revenueLostToNoShows());
        assertValue("21764.705882", halved.projected().revenue());
    }

    @Test
    void ordersInACurrencyWithoutARateAreReported() {
        PortalFixture portal = new PortalFixture().count(MARCH, INSTAGRAM, Measure.UNCOUNTED_ORDERS, 2);

        assertEquals(2, portal.engine().total(IN_MARCH).ordersNotCounted());
    }

    @Test
    void aChannelWhoseClientsCostMoreThanTheirFirstOrderEarnsIsLosingMoneyForThatReason() {
        PortalFixture portal = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "10000")
                .count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 2)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 2)
                .revenue(MARCH, INSTAGRAM, "4000");

        assertEquals(Optional.of(LosingMoney.CAC_ABOVE_MARGIN),
                portal.engine().channel(IN_MARCH, INSTAGRAM).losingMoneyReason());
    }
}
