package ru.unitecon.ui.data;

import ru.unitecon.core.appointments.ScheduledVisit;

import java.time.Instant;

/**
 * A reminder or follow-up the scheduler took on, as the appointments view lists it.
 *
 * @param holder   whether it is about a lead or a deal
 * @param recordId that lead's or deal's id in the portal
 * @param action   {@code PT24H}-style offset of a reminder before the visit, {@code MARK} or {@code NO_SHOW}
 * @param status   what became of it: {@code CLAIMED}, {@code SENT}, {@code SKIPPED} or {@code UNCERTAIN}
 */
public record ReminderSent(ScheduledVisit.Holder holder, long recordId, Instant visit, String action, String status,
                           Instant claimedAt) {
}
