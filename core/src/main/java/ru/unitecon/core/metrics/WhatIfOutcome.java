package ru.unitecon.core.metrics;

/**
 * A scenario's result next to the actual figures.
 *
 * @param revenueUplift the relative growth of realised revenue, zero when the no-show rate is left as it is
 */
public record WhatIfOutcome(Scenario actual, Scenario projected, MetricValue revenueUplift) {

    public record Scenario(MetricValue revenue, MetricValue contributionPerVisit, MetricValue ltvToCac) {
    }
}
