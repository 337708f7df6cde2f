package ru.unitecon.core.metrics;

import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.util.Optional;

import static ru.unitecon.core.metrics.MetricValue.of;
import static ru.unitecon.core.metrics.MetricValue.ratio;

/**
 * The formulas of the metrics, one method each, as the design defines them. Rates and shares are fractions
 * (0.15, not 15 %). Per-order economics take the average order value and the variable cost per order, so that
 * "AOV × margin" reads the same whether the variable cost is a share of revenue or an amount per order.
 */
public final class UnitEconomics {
    /** The seeds' healthy LTV:CAC is 3 or more. */
    public static final BigDecimal LTV_TO_CAC_TARGET = BigDecimal.valueOf(3);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final String EVERY_VISIT_MISSED = "every appointment was a no-show";

    private UnitEconomics() {
    }

    /** Customer acquisition cost: spend / new clients. */
    public static MetricValue cac(BigDecimal spend, long newClients) {
        return ratio(spend, BigDecimal.valueOf(newClients), "no new clients");
    }

    /** Cost per lead: spend / leads. */
    public static MetricValue cpl(BigDecimal spend, long leads) {
        return ratio(spend, BigDecimal.valueOf(leads), "no leads");
    }

    /** Cost per order: (acquisition spend + processing cost) / orders. */
    public static MetricValue cpo(BigDecimal acquisitionSpend, BigDecimal processingCost, long orders) {
        return ratio(acquisitionSpend.add(processingCost), BigDecimal.valueOf(orders), "no orders");
    }

    /** Average order value: revenue / orders. */
    public static MetricValue aov(BigDecimal revenue, long orders) {
        return ratio(revenue, BigDecimal.valueOf(orders), "no orders");
    }

    /** Revenue less the variable cost of the orders that brought it. */
    public static BigDecimal grossMargin(BigDecimal revenue, long orders, VariableCost variableCost) {
        return revenue.subtract(variableCost.of(revenue, orders));
    }

    /** The variable cost of one average order. */
    public static MetricValue variableCostPerOrder(MetricValue aov, VariableCost variableCost) {
        return aov.isDefined() ? of(variableCost.of(aov.value(), 1)) : aov;
    }

    /** Contribution margin of an order: AOV − variable cost per order (AOV × margin share). */
    public static MetricValue grossMarginPerOrder(MetricValue aov, MetricValue variableCostPerOrder) {
        return aov.minus(variableCostPerOrder);
    }

    /** LTV by formula: AOV × margin × orders per client per year × years a client stays. */
    public static MetricValue ltv(MetricValue aov, MetricValue variableCostPerOrder,
                                  MetricValue ordersPerClientPerYear, BigDecimal retentionYears) {
        return grossMarginPerOrder(aov, variableCostPerOrder).times(ordersPerClientPerYear).times(retentionYears);
    }

    public static MetricValue ltvToCac(MetricValue ltv, MetricValue cac) {
        return ltv.dividedBy(cac, "clients cost nothing to acquire");
    }

    /** The seeds' warning: a client brings less than three times what the client cost. */
    public static boolean isBelowLtvToCacTarget(MetricValue ltvToCac) {
        return ltvToCac.isLessThan(of(LTV_TO_CAC_TARGET));
    }

    /** What one visit leaves after its variable cost and the cost of bringing the client: AOV − variable − CAC. */
    public static MetricValue contributionPerVisit(MetricValue aov, MetricValue variableCostPerOrder,
                                                   MetricValue cac) {
        return grossMarginPerOrder(aov, variableCostPerOrder).minus(cac);
    }

    /**
     * Seed 001's stop-channel rule: a client costs more than the first visit earns (CAC > AOV − variable cost).
     * Not raised when either side is undefined: a flag needs numbers behind it.
     */
    public static boolean isLosingMoney(MetricValue cac, MetricValue aov, MetricValue variableCostPerOrder) {
        return cac.isGreaterThan(grossMarginPerOrder(aov, variableCostPerOrder));
    }

    /**
     * The stop-channel flag with its reason: spend and no new client first (CAC is undefined, so the margin rule
     * cannot speak, yet every rouble went nowhere), then CAC above the contribution margin.
     */
    public static Optional<LosingMoney> losingMoney(BigDecimal spend, long newClients, MetricValue cac,
                                                    MetricValue aov, MetricValue variableCostPerOrder) {
        if (newClients == 0 && spend.signum() > 0) {
            return Optional.of(LosingMoney.SPEND_WITHOUT_NEW_CLIENTS);
        }
        return isLosingMoney(cac, aov, variableCostPerOrder) ? Optional.of(LosingMoney.CAC_ABOVE_MARGIN)
                : Optional.empty();
    }

    /** Months until a client's margin repays the CAC: CAC / (margin per order × orders per year / 12). */
    public static MetricValue paybackMonths(MetricValue cac, MetricValue aov, MetricValue variableCostPerOrder,
                                            MetricValue ordersPerClientPerYear) {
        MetricValue yearlyMargin = grossMarginPerOrder(aov, variableCostPerOrder).times(ordersPerClientPerYear);
        if (yearlyMargin.isDefined() && yearlyMargin.value().signum() < 0) {
            return MetricValue.undefined("orders do not earn a margin");
        }
        return cac.times(MONTHS_PER_YEAR).dividedBy(yearlyMargin, "orders do not earn a margin");
    }

    /**
     * No-shows among the appointments whose time has passed and that were not cancelled (metrics.md): attended,
     * no-shows, and the past visits nobody marked yet, which still count as visits that were due. Staff who mark
     * only the no-shows thus see their real share, not 100 %.
     */
    public static MetricValue noShowRate(long noShows, long attended, long unmarkedPast) {
        return ratio(BigDecimal.valueOf(noShows), BigDecimal.valueOf(attended + noShows + unmarkedPast),
                "no past appointments");
    }

    /** Confirmed appointments / appointments. */
    public static MetricValue confirmationRate(long confirmed, long appointments) {
        return ratio(BigDecimal.valueOf(confirmed), BigDecimal.valueOf(appointments), "no appointments");
    }

    /** No-shows × AOV. */
    public static MetricValue revenueLostToNoShows(long noShows, MetricValue aov) {
        return aov.times(BigDecimal.valueOf(noShows));
    }

    /**
     * How much realised revenue grows when the no-show rate falls from {@code from} to {@code to}:
     * (1 − to) / (1 − from) − 1.
     */
    public static MetricValue noShowUplift(MetricValue from, MetricValue to) {
        MetricValue one = of(BigDecimal.ONE);
        return one.minus(to).dividedBy(one.minus(from), EVERY_VISIT_MISSED).minus(one);
    }

    /**
     * Realised revenue had the no-show rate been {@code to} instead of {@code from}: revenue × (1 − to) / (1 − from),
     * divided once so that the rounding of the uplift is not multiplied by the revenue.
     */
    public static MetricValue revenueAtNoShowRate(BigDecimal revenue, MetricValue from, MetricValue to) {
        MetricValue one = of(BigDecimal.ONE);
        return of(revenue).times(one.minus(to)).dividedBy(one.minus(from), EVERY_VISIT_MISSED);
    }

    /** Leads with an appointment / leads. */
    public static MetricValue leadToAppointmentConversion(long leadsWithAppointment, long leads) {
        return ratio(BigDecimal.valueOf(leadsWithAppointment), BigDecimal.valueOf(leads), "no leads");
    }

    /** Leads that said nothing of their source / leads: how much of the picture is missing. */
    public static MetricValue unknownSourceShare(long unknownSourceLeads, long leads) {
        return ratio(BigDecimal.valueOf(unknownSourceLeads), BigDecimal.valueOf(leads), "no leads");
    }

    /** Seed 003's retention rate: (active clients at end − new clients in the period) / active clients at start. */
    public static MetricValue retentionRate(long activeAtEnd, long newClients, long activeAtStart) {
        return ratio(BigDecimal.valueOf(activeAtEnd - newClients), BigDecimal.valueOf(activeAtStart),
                "no active clients at the start");
    }

    /** Orders / unique clients. */
    public static MetricValue purchaseFrequency(long orders, long clients) {
        return ratio(BigDecimal.valueOf(orders), BigDecimal.valueOf(clients), "no clients");
    }

    /** Return on marketing investment: (gross margin − spend) / spend. */
    public static MetricValue romi(BigDecimal grossMargin, BigDecimal spend) {
        return ratio(grossMargin.subtract(spend), spend, "no spend");
    }

    /** Observed LTV of a cohort: its cumulative gross margin per client. */
    public static MetricValue observedLtv(BigDecimal cumulativeGrossMargin, long cohortSize) {
        return ratio(cumulativeGrossMargin, BigDecimal.valueOf(cohortSize), "no clients acquired");
    }
}
