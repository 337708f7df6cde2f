package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The clients acquired in one month: how many, what each cost, and their observed LTV (cumulative gross margin per
 * client) after 1, 3, 6 and 12 months. An LTV is undefined until all its months are over.
 *
 * @param paybackMonth the first number of months after which the observed LTV reached the CAC, if it has
 */
public record CohortRow(YearMonth acquisitionMonth, long size, MetricValue cac, MetricValue ltvAfter1Month,
                        MetricValue ltvAfter3Months, MetricValue ltvAfter6Months, MetricValue ltvAfter12Months,
                        OptionalInt paybackMonth) {

    /**
     * @param cohort       the acquisition month's counters, which carry the cohort's revenue and orders by age
     * @param spend        the acquisition month's spend
     * @param currentMonth the month in progress, not over yet
     */
    static CohortRow of(YearMonth acquisitionMonth, Counters cohort, BigDecimal spend, VariableCost variableCost,
                        YearMonth currentMonth) {
        long size = cohort.count(Measure.NEW_CLIENTS);
        MetricValue cac = UnitEconomics.cac(spend, size);
        List<MetricValue> ltvAfterMonths = new ArrayList<>();
        BigDecimal cumulativeMargin = BigDecimal.ZERO;
        for (int age = 0; age < Counters.COHORT_AGES; age++) {
            cumulativeMargin = cumulativeMargin.add(UnitEconomics.grossMargin(
                    cohort.cohortRevenue(age), cohort.cohortOrders(age), variableCost));
            ltvAfterMonths.add(acquisitionMonth.plusMonths(age).isBefore(currentMonth)
                    ? UnitEconomics.observedLtv(cumulativeMargin, size)
                    : MetricValue.undefined("month " + (age + 1) + " of the cohort is not over yet"));
        }
        return new CohortRow(acquisitionMonth, size, cac, ltvAfterMonths.get(0), ltvAfterMonths.get(2),
                ltvAfterMonths.get(5), ltvAfterMonths.get(11), paybackMonth(ltvAfterMonths, cac));
    }

    private static OptionalInt paybackMonth(List<MetricValue> ltvAfterMonths, MetricValue cac) {
        for (int months = 1; months <= ltvAfterMonths.size(); months++) {
            if (ltvAfterMonths.get(months - 1).isAtLeast(cac)) {
                return OptionalInt.of(months);
            }
        }
        return OptionalInt.empty();
    }
}
