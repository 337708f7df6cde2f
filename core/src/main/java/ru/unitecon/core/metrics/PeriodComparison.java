package ru.unitecon.core.metrics;

import java.math.BigDecimal;
import java.util.function.Function;

/** A period's metrics next to those of the same-length period just before it. */
public record PeriodComparison(PeriodMetrics current, PeriodMetrics previous) {

    public Change change(Function<PeriodMetrics, MetricValue> metric) {
        return Change.between(metric.apply(current), metric.apply(previous));
    }

    /** The change of an amount that is always defined, such as spend or revenue. */
    public Change changeOfAmount(Function<PeriodMetrics, BigDecimal> amount) {
        return change(metrics -> MetricValue.of(amount.apply(metrics)));
    }

    /** The change of a count, such as leads or new clients. */
    public Change changeOfCount(Function<PeriodMetrics, Long> count) {
        return change(metrics -> MetricValue.of(count.apply(metrics)));
    }
}
