package ru.unitecon.core.metrics;

/**
 * How a metric moved against the previous period: the difference, and the difference relative to the previous
 * value. The relative change is undefined when the previous value is undefined or zero.
 */
public record Change(MetricValue current, MetricValue previous, MetricValue absolute, MetricValue relative) {

    public static Change between(MetricValue current, MetricValue previous) {
        MetricValue absolute = current.minus(previous);
        // Relative to the size of the previous value, so that a loss shrinking reads as a rise.
        MetricValue base = previous.isDefined() ? MetricValue.of(previous.value().abs()) : previous;
        return new Change(current, previous, absolute, absolute.dividedBy(base, "nothing in the previous period"));
    }
}
