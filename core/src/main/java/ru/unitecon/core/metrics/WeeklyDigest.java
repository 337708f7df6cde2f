package ru.unitecon.core.metrics;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Monday's digest of the week before (docs/metrics.md "Weekly digest"): the week Monday to Sunday in the portal's
 * zone against the week before it, the best and the worst channel by money, the week's no-shows valued at the average
 * order, the week's visits nobody marked, and for the month the week ended in its leads' response speed and its
 * retention.
 *
 * @param lastWeekStart the Monday that began the week the digest is about
 * @param best          the channel that left the most money in the reference period, if any channel had figures
 * @param worst         the channel that left the least, when it is another channel than the best
 * @param noShowCost    no-shows × the reference period's AOV; undefined without orders to value them by
 * @param unmarked      visits of the week still booked or confirmed
 * @param response      response speed of the leads of the month the week ended in (its monthly aggregates)
 * @param retention     retention at that month: active clients, those who became lost in it, the retention rate
 */
public record WeeklyDigest(LocalDate lastWeekStart, Week lastWeek, Week weekBefore, Period reference,
                           Optional<ChannelMoney> best, Optional<ChannelMoney> worst, long noShows,
                           MetricValue noShowCost, long unmarked, ResponseRow response, RetentionRow retention) {

    /** One week's figures from the stored clients: leads, clients whose first order fell in it, orders, revenue. */
    public record Week(long leads, long newClients, long orders, BigDecimal revenue) {
    }

    /** A channel and its contribution in the reference period: gross margin less spend. */
    public record ChannelMoney(String channel, BigDecimal contribution) {
    }

    public WeeklyDigest {
        Objects.requireNonNull(lastWeekStart, "lastWeekStart");
        if (lastWeekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday");
        }
    }

    /**
     * @param today   the local date of the Monday the digest goes out
     * @param clients the portal's stored clients (their leads' touches and their orders by day)
     * @param visits  the portal's stored appointments
     * @param engine  the dashboards' engine over the reference period's aggregates and spend
     * @param speed   response speed over (at least) the reference period's aggregates
     * @param kept    retention over the cohort items up to the reference period's end
     */
    public static WeeklyDigest of(LocalDate today, List<ClientState> clients, List<ScheduledVisit> visits,
                                  ZoneId zone, MetricsEngine engine, ResponseSpeed speed, RetentionEngine kept) {
        LocalDate lastWeek = today.with(DayOfWeek.MONDAY).minusWeeks(1);
        Period reference = referencePeriod(lastWeek);
        List<ChannelMoney> ranked = engine.byChannel(reference).stream()
                .filter(channel -> channel.spend().signum() > 0 || channel.revenue().signum() > 0)
                .map(channel -> new ChannelMoney(channel.channel().orElseThrow(),
                        channel.grossMargin().subtract(channel.spend())))
                .sorted(Comparator.comparing(ChannelMoney::contribution).reversed()
                        .thenComparing(ChannelMoney::channel))
                .toList();
        Optional<ChannelMoney> best = ranked.stream().findFirst();
        Optional<ChannelMoney> worst = ranked.size() > 1 ? Optional.of(ranked.getLast()) : Optional.empty();
        List<ScheduledVisit> ofWeek = visits.stream()
                .filter(visit -> inWeek(visit.appointment().time().atZone(zone).toLocalDate(), lastWeek))
                .toList();
        long noShows = ofWeek.stream().filter(v -> v.appointment().state() == AppointmentState.NO_SHOW).count();
        long unmarked = ofWeek.stream().filter(v -> v.appointment().state().isOpen()).count();
        MetricValue cost = engine.total(reference).aov().times(BigDecimal.valueOf(noShows));
        Period weekMonth = Period.month(reference.to());
        return new WeeklyDigest(lastWeek, week(clients, zone, lastWeek), week(clients, zone, lastWeek.minusWeeks(1)),
                reference, best, worst, noShows, cost, unmarked, speed.total(weekMonth), kept.total(weekMonth));
    }

    /**
     * The months the channels are ranked over and the no-shows valued by: the month the week ended in and the one
     * before, so that a digest early in a month still has a month of spend behind it.
     */
    public static Period referencePeriod(LocalDate weekStart) {
        return Period.endingWith(YearMonth.from(weekStart.plusDays(6)), 2);
    }

    static Week week(List<ClientState> clients, ZoneId zone, LocalDate monday) {
        long leads = 0;
        long newClients = 0;
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (ClientState client : clients) {
            for (var entry : client.members().entrySet()) {
                ClientMember member = entry.getValue();
                if (entry.getKey().startsWith("L") && inWeek(member.touchedAt().atZone(zone).toLocalDate(), monday)) {
                    leads++;
                }
                ClientMember.Order order = member.order();
                if (order != null && order.isCounted() && inWeek(order.day(), monday)) {
                    orders++;
                    revenue = revenue.add(order.amount());
                }
            }
            Optional<LocalDate> firstOrder = client.members().values().stream()
                    .map(ClientMember::order).filter(Objects::nonNull).map(ClientMember.Order::day)
                    .min(Comparator.naturalOrder());
            if (firstOrder.filter(day -> inWeek(day, monday)).isPresent()) {
                newClients++;
            }
        }
        return new Week(leads, newClients, orders, revenue);
    }

    private static boolean inWeek(LocalDate day, LocalDate monday) {
        return !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1));
    }
}
