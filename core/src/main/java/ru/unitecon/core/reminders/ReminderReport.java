package ru.unitecon.core.reminders;

/**
 * One pass in numbers.
 *
 * @param portals     active portals with something due
 * @param sent        reminders, mark requests and follow-ups the portal took
 * @param skipped     decided not to send (no responsible manager, or the client has a new booking)
 * @param uncertain   the portal did not answer in time: maybe sent, never resent
 * @param failed      portals the pass could not finish (unreachable, rate-limited, reconnect needed)
 */
public record ReminderReport(int portals, int sent, int skipped, int uncertain, int failed) {
}
