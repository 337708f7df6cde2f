package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class UnitEconomicsTest {
    private static final MetricValue NO_VARIABLE_COST = MetricValue.of(0);

    private static MetricValue value(String amount) {
        return MetricValue.of(new BigDecimal(amount));
    }

    private static BigDecimal amount(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void seed001SalonWithCac400EarnsContribution500AndIsNotFlagged() {
        MetricValue aov = value("1200");
        MetricValue variable = value("300");
        MetricValue cac = value("400");

        assertValue("500", UnitEconomics.contributionPerVisit(aov, variable, cac));
        assertFalse(UnitEconomics.isLosingMoney(cac, aov, variable));
    }

    @Test
    void seed001SalonWithCac1000IsFlaggedAsLosingMoney() {
        MetricValue aov = value("1200");
        MetricValue variable = value("300");
        MetricValue cac = value("1000");

        assertValue("-100", UnitEconomics.contributionPerVisit(aov, variable, cac));
        assertTrue(UnitEconomics.isLosingMoney(cac, aov, variable));
    }

    @Test
    void channelWhoseCacEqualsTheMarginIsNotFlagged() {
        assertFalse(UnitEconomics.isLosingMoney(value("900"), value("1200"), value("300")));
    }

    @Test
    void seed001CuttingNoShowsFrom15To7PercentRaisesRevenueByAbout9point4Percent() {
        MetricValue uplift = UnitEconomics.noShowUplift(value("0.15"), value("0.07"));

        assertValue("0.094118", uplift);
    }

    @Test
    void realisedRevenueScalesWithTheShareOfVisitsThatHappen() {
        MetricValue revenue = UnitEconomics.revenueAtNoShowRate(amount("85000"), value("0.15"), value("0.07"));

        assertValue("93000", revenue);
    }

    @Test
    void noShowUpliftIsUndefinedWhenEveryAppointmentWasANoShow() {
        assertUndefined(UnitEconomics.noShowUplift(value("1"), value("0.5")));
    }

    @Test
    void seed000InstagramCacIs1200For120000SpentOn100NewClients() {
        assertValue("1200", UnitEconomics.cac(amount("120000"), 100));
    }

    @Test
    void seed000InstagramCacIs700For70000SpentOn100NewClients() {
        assertValue("700", UnitEconomics.cac(amount("70000"), 100));
    }

    @Test
    void seed000LtvIsAov2000Times6OrdersTimes2YearsWithoutVariableCosts() {
        MetricValue ltv = UnitEconomics.ltv(value("2000"), NO_VARIABLE_COST, value("6"), amount("2"));

        assertValue("24000", ltv);
    }

    @Test
    void seed000LtvToCacIsAbout34point3WithCac700() {
        MetricValue ltvToCac = UnitEconomics.ltvToCac(value("24000"), value("700"));

        assertValue("34.285714", ltvToCac);
        assertFalse(UnitEconomics.isBelowLtvToCacTarget(ltvToCac));
    }

    @Test
    void seed003LtvToCacUnder3IsAWarning() {
        MetricValue ltvToCac = UnitEconomics.ltvToCac(value("2500"), value("1000"));

        assertValue("2.5", ltvToCac);
        assertTrue(UnitEconomics.isBelowLtvToCacTarget(ltvToCac));
    }

    @Test
    void ltvToCacOfExactly3IsNotAWarning() {
        assertFalse(UnitEconomics.isBelowLtvToCacTarget(value("3")));
    }

    @Test
    void ltvAppliesAPercentageMarginToTheAverageOrder() {
        MetricValue aov = value("2000");
        MetricValue variable = UnitEconomics.variableCostPerOrder(aov, VariableCost.percent("25"));

        assertValue("18000", UnitEconomics.ltv(aov, variable, value("6"), amount("2")));
    }

    @Test
    void ltvSubtractsAFixedVariableCostPerOrder() {
        MetricValue aov = value("2000");
        MetricValue variable = UnitEconomics.variableCostPerOrder(aov, VariableCost.perOrder("500"));

        assertValue("18000", UnitEconomics.ltv(aov, variable, value("6"), amount("2")));
    }

    @Test
    void cacIsUndefinedWhenNoNewClients() {
        assertUndefined(UnitEconomics.cac(amount("50000"), 0));
    }

    @Test
    void cacIsZeroForNewClientsThatCostNothing() {
        assertValue("0", UnitEconomics.cac(BigDecimal.ZERO, 5));
    }

    @Test
    void aovIsUndefinedWhenNoOrders() {
        assertUndefined(UnitEconomics.aov(BigDecimal.ZERO, 0));
    }

    @Test
    void cpoCountsProcessingCostWithAcquisitionSpend() {
        assertValue("500", UnitEconomics.cpo(amount("40000"), amount("10000"), 100));
        assertUndefined(UnitEconomics.cpo(amount("40000"), amount("10000"), 0));
    }

    @Test
    void cplIsSpendPerLead() {
        assertValue("250", UnitEconomics.cpl(amount("50000"), 200));
        assertUndefined(UnitEconomics.cpl(amount("50000"), 0));
    }

    @Test
    void romiIsUndefinedWhenNoSpend() {
        assertUndefined(UnitEconomics.romi(amount("90000"), BigDecimal.ZERO));
    }

    @Test
    void romiIsMarginLessSpendOverSpend() {
        assertValue("2", UnitEconomics.romi(amount("90000"), amount("30000")));
    }

    @Test
    void ltvToCacIsUndefinedWhenCacIsUndefinedOrZero() {
        assertUndefined(UnitEconomics.ltvToCac(value("24000"), MetricValue.undefined("no new clients")));
        assertUndefined(UnitEconomics.ltvToCac(value("24000"), value("0")));
    }

    @Test
    void paybackIsCacOverMonthlyMarginPerClient() {
        // 900 margin per order, 6 orders a year: 450 a month, so a CAC of 1350 pays back in 3 months.
        MetricValue payback = UnitEconomics.paybackMonths(value("1350"), value("1200"), value("300"), value("6"));

        assertValue("3", payback);
    }

    @Test
    void paybackIsUndefinedWhenOrdersEarnNoMargin() {
        assertUndefined(UnitEconomics.paybackMonths(value("1000"), value("300"), value("300"), value("6")));
        assertUndefined(UnitEconomics.paybackMonths(value("1000"), value("300"), value("400"), value("6")));
    }

    @Test
    void noShowRateCountsOnlyResolvedAppointments() {
        assertValue("0.15", UnitEconomics.noShowRate(15, 85, 0));
    }

    @Test
    void unmarkedPastVisitsAreInTheDenominator() {
        // Staff who mark only the no-shows see their real 15 %, not 100 %.
        assertValue("0.15", UnitEconomics.noShowRate(15, 0, 85));
    }

    @Test
    void noShowRateIsUndefinedWhenNoAppointments() {
        assertUndefined(UnitEconomics.noShowRate(0, 0, 0));
    }

    @Test
    void confirmationRateIsConfirmedOverAppointments() {
        assertValue("0.6", UnitEconomics.confirmationRate(60, 100));
        assertUndefined(UnitEconomics.confirmationRate(0, 0));
    }

    @Test
    void revenueLostToNoShowsIsNoShowsTimesAov() {
        assertValue("18000", UnitEconomics.revenueLostToNoShows(15, value("1200")));
        assertUndefined(UnitEconomics.revenueLostToNoShows(15, UnitEconomics.aov(BigDecimal.ZERO, 0)));
    }

    @Test
    void leadToAppointmentConversionIsLeadsWithAppointmentOverLeads() {
        assertValue("0.4", UnitEconomics.leadToAppointmentConversion(40, 100));
        assertUndefined(UnitEconomics.leadToAppointmentConversion(0, 0));
    }

    @Test
    void seed003RetentionRateDiscountsNewClientsFromTheEndCount() {
        assertValue("0.8", UnitEconomics.retentionRate(100, 20, 100));
        assertUndefined(UnitEconomics.retentionRate(10, 10, 0));
    }

    @Test
    void purchaseFrequencyIsOrdersPerUniqueClient() {
        assertValue("6", UnitEconomics.purchaseFrequency(600, 100));
        assertUndefined(UnitEconomics.purchaseFrequency(0, 0));
    }

    @Test
    void observedLtvIsCumulativeMarginPerClientOfTheCohort() {
        assertValue("1500", UnitEconomics.observedLtv(amount("15000"), 10));
        assertUndefined(UnitEconomics.observedLtv(BigDecimal.ZERO, 0));
    }

    @Test
    void grossMarginTakesTheVariableCostOfTheOrders() {
        assertAmount("70000", UnitEconomics.grossMargin(amount("100000"), 50, VariableCost.percent("30")));
        assertAmount("85000", UnitEconomics.grossMargin(amount("100000"), 50, VariableCost.perOrder("300")));
    }
}
