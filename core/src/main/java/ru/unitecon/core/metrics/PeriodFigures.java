package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.util.Optional;

import static ru.unitecon.core.metrics.UnitEconomics.*;

/**
 * The raw figures behind one period's metrics, for the whole portal or one channel.
 *
 * @param counters             the period's counters summed over its months
 * @param ordersInTrailingYear orders in the twelve months that end with the period's last month
 * @param activeAtStart        active clients at the month before the period
 * @param activeAtEnd          active clients at the period's last month
 * @param unknownSourceLeads   leads of the "unknown" channel in the period
 * @param unmarkedPastVisits   visits of the period on days gone by that are still booked or confirmed
 */
record PeriodFigures(Period period, Optional<String> channel, BigDecimal spend, BigDecimal processingCost,
                     Counters counters, long ordersInTrailingYear, long activeAtStart, long activeAtEnd,
                     long unknownSourceLeads, long unmarkedPastVisits) {

    PeriodMetrics metrics(PortalSettings settings) {
        long leads = counters.count(Measure.LEADS);
        long newClients = counters.count(Measure.NEW_CLIENTS);
        long orders = counters.count(Measure.ORDERS);
        long noShows = counters.count(Measure.NO_SHOWS);
        BigDecimal revenue = counters.get(Measure.REVENUE);

        MetricValue aov = aov(revenue, orders);
        MetricValue variableCostPerOrder = variableCostPerOrder(aov, settings.variableCost());
        MetricValue cac = cac(spend, newClients);
        MetricValue frequency = purchaseFrequency(ordersInTrailingYear, activeAtEnd);
        MetricValue ltv = ltv(aov, variableCostPerOrder, frequency, settings.retentionYears());
        MetricValue ltvToCac = ltvToCac(ltv, cac);
        BigDecimal grossMargin = grossMargin(revenue, orders, settings.variableCost());
        Optional<LosingMoney> losingMoney = losingMoney(spend, newClients, cac, aov, variableCostPerOrder);
        MetricValue unknownShare = channel.isPresent()
                ? MetricValue.undefined("shown for the whole portal only")
                : unknownSourceShare(unknownSourceLeads, leads);

        return new PeriodMetrics(period, channel, spend, processingCost,
                leads, newClients, orders, revenue, grossMargin,
                aov, cpl(spend, leads), cac, cpo(spend, processingCost, orders), ltv,
                ltvToCac, isBelowLtvToCacTarget(ltvToCac), contributionPerVisit(aov, variableCostPerOrder, cac),
                losingMoney.isPresent(), losingMoney,
                paybackMonths(cac, aov, variableCostPerOrder, frequency), romi(grossMargin, spend),
                frequency, noShows, noShowRate(noShows, counters.count(Measure.ATTENDED), unmarkedPastVisits),
                confirmationRate(counters.count(Measure.CONFIRMED), counters.count(Measure.APPOINTMENTS)),
                revenueLostToNoShows(noShows, aov),
                leadToAppointmentConversion(counters.count(Measure.LEADS_WITH_APPOINTMENT), leads),
                retentionRate(activeAtEnd, newClients, activeAtStart),
                activeAtEnd, unknownShare, unmarkedPastVisits, counters.count(Measure.UNCOUNTED_ORDERS));
    }
}

