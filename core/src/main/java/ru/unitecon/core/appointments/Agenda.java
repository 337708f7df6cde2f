package ru.unitecon.core.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the front desk looks at: the open visits of the coming days, those of them nobody has confirmed yet, and
 * today's no-shows (today in the portal's time zone), each list in visit order.
 */
public record Agenda(List<ScheduledVisit> upcoming, List<ScheduledVisit> unconfirmed, List<ScheduledVisit> noShowsToday) {
    private static final Comparator<ScheduledVisit> BY_TIME =
            Comparator.comparing((ScheduledVisit visit) -> visit.appointment().time())
                    .thenComparing(ScheduledVisit::holder).thenComparingLong(ScheduledVisit::recordId);

    public Agenda {
        upcoming = List.copyOf(upcoming);
        unconfirmed = List.copyOf(unconfirmed);
        noShowsToday = List.copyOf(noShowsToday);
    }

    /**
     * @param days how far ahead "upcoming" reaches from {@code now}
     */
    public static Agenda of(Collection<ScheduledVisit> visits, Instant now, ZoneId zone, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("the agenda looks at least one day ahead");
        }
        Instant horizon = now.plus(Duration.ofDays(days));
        Predicate<ScheduledVisit> ahead = visit -> !visit.appointment().time().isBefore(now)
                && visit.appointment().time().isBefore(horizon) && visit.appointment().state().isOpen();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new Agenda(
                sorted(visits, ahead),
                sorted(visits, ahead.and(visit -> visit.appointment().state() == AppointmentState.BOOKED)),
                sorted(visits, visit -> visit.appointment().state() == AppointmentState.NO_SHOW
                        && LocalDate.ofInstant(visit.appointment().time(), zone).equals(today)));
    }

    private static List<ScheduledVisit> sorted(Collection<ScheduledVisit> visits, Predicate<ScheduledVisit> filter) {
        return visits.stream().filter(filter).sorted(BY_TIME).toList();
    }
}
