package ru.unitecon.core.metrics;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Response speed of the leads created in a period, for one channel or all, and for one hour of the day or all.
 * Shares are of all the leads, unanswered ones included.
 *
 * @param channel                the lead's channel, empty for all
 * @param hour                   the hour of the day the leads were created, in the portal's zone; empty for all
 * @param leads                  leads created
 * @param unanswered             of those, leads with no activity and no stage move known (all hours only)
 * @param answeredIn5            leads answered within 5 minutes of their creation
 * @param answeredIn15           leads answered within 15 minutes (those within 5 included)
 * @param within5Share           answered within 5 minutes / leads
 * @param within15Share          answered within 15 minutes / leads
 * @param averageMinutes         of the answered leads, the average minutes from creation to first response (all
 *                               hours only)
 * @param leadToVisitConversion  leads with a booked visit / leads (all hours only)
 */
public record ResponseRow(Optional<String> channel, OptionalInt hour, long leads, long unanswered,
                          long answeredIn5, long answeredIn15, MetricValue within5Share, MetricValue within15Share,
                          MetricValue averageMinutes, MetricValue leadToVisitConversion) {
}
