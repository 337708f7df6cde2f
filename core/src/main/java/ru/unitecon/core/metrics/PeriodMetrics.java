package ru.unitecon.core.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The metrics of one period, for the whole portal ({@code channel} empty) or one channel. Rates and shares are
 * fractions.
 *
 * @param processingCost            the portal's processing cost over the period; zero for a single channel
 * @param grossMargin               revenue less variable costs
 * @param ltvToCacBelowTarget       LTV:CAC is under the seeds' target of 3
 * @param losingMoney               the stop-channel flag: spend without a new client, or CAC above AOV − variable
 *                                  cost per order
 * @param losingMoneyReason         why the flag is raised; empty when it is not
 * @param purchaseFrequency         orders per client over the twelve months ending with the period's last month,
 *                                  the frequency the LTV formula uses
 * @param retentionRate             (active at end − new clients) / active at the month before the period
 * @param unknownSourceShareOfLeads the share of leads that said nothing of their source; whole portal only
 * @param noShowRate                no-shows / past appointments not cancelled (attended, no-shows, unmarked)
 * @param unmarkedPastVisits        past visits still booked or confirmed: nobody marked them attended or not
 * @param ordersNotCounted          orders left out of orders and revenue: their currency has no rate on the portal
 */
public record PeriodMetrics(Period period, Optional<String> channel, BigDecimal spend, BigDecimal processingCost,
                            long leads, long newClients, long orders, BigDecimal revenue, BigDecimal grossMargin,
                            MetricValue aov, MetricValue cpl, MetricValue cac, MetricValue cpo, MetricValue ltv,
                            MetricValue ltvToCac, boolean ltvToCacBelowTarget, MetricValue contributionPerVisit,
                            boolean losingMoney, Optional<LosingMoney> losingMoneyReason,
                            MetricValue paybackMonths, MetricValue romi,
                            MetricValue purchaseFrequency, long noShows, MetricValue noShowRate,
                            MetricValue confirmationRate, MetricValue revenueLostToNoShows,
                            MetricValue leadToAppointmentConversion, MetricValue retentionRate,
                            long activeClientsAtEnd, MetricValue unknownSourceShareOfLeads,
                            long unmarkedPastVisits, long ordersNotCounted) {
}
