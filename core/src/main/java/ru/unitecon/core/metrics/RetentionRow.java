package ru.unitecon.core.metrics;

import java.util.Optional;

/**
 * The retention figures of a period for one group of clients: a channel, a master, both, or the whole portal.
 * Clients belong to their acquisition channel and to their master (the responsible user of their first order's deal).
 *
 * @param channel             the acquisition channel, empty for all
 * @param master              the master's user id, empty for all; {@link #NO_MASTER} for clients without one
 * @param newClients          clients whose first order fell in the period
 * @param returningRate       of those, the share with a second order so far
 * @param secondVisitRate     of those, the share whose second order came within the second-visit window
 * @param ordersPerYear       visit frequency: orders of the 12 months ending with the period / clients active at its end
 * @param daysBetweenVisits   of the period's new clients, the average days between consecutive orders
 * @param activeAtEnd         clients with an order in the active window ending with the period's last month
 * @param lostAtEnd           clients with an order by then but none in that window
 * @param becameLost          clients whose active window lapsed in the period (each lapse counts)
 * @param retentionRate       seed 003: (active at end − new clients) / active at the start
 * @param observedLtv         of the period's new clients, gross margin per client of all their orders so far
 */
public record RetentionRow(Optional<String> channel, Optional<Long> master, long newClients,
                           MetricValue returningRate, MetricValue secondVisitRate, MetricValue ordersPerYear,
                           MetricValue daysBetweenVisits, long activeAtEnd, long lostAtEnd, long becameLost,
                           MetricValue retentionRate, MetricValue observedLtv) {

    /** The master of clients whose first order had no responsible user (a lead's order, a deal without one). */
    public static final long NO_MASTER = 0;
}
