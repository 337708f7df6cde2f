package ru.unitecon.core.metrics;

import ru.unitecon.core.portal.ReminderPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The "what to do" list of the overview: the few actions worth the most money in a period (docs/metrics.md).
 * Owners rarely open dashboards, so the first thing they see must be a sentence with a sum, not a grid of figures.
 */
public final class Actions {
    /** Three fit on the first screen and are read; a longer list is a dashboard again. */
    public static final int SHOWN = 3;
    /** A reminder this close to the visit is the one that saves a forgotten visit. */
    static final Duration SAME_DAY_REMINDER = Duration.ofHours(3);
    private static final Comparator<Action> MOST_MONEY_FIRST = Comparator.comparing(Action::money).reversed()
            .thenComparing(Action::kind);

    private Actions() {
    }

    /**
     * @param total    the whole portal's metrics of the period
     * @param channels the period's metrics of each channel
     * @return at most {@link #SHOWN} actions, the most money first; empty when nothing is wrong
     */
    public static List<Action> of(PeriodMetrics total, List<PeriodMetrics> channels, ReminderPolicy reminders) {
        List<Action> actions = new ArrayList<>();
        channels.forEach(channel -> losingChannel(channel).ifPresent(actions::add));
        if (total.noShows() > 0) {
            actions.add(new Action(noShowKind(reminders), valued(total.noShows(), total.aov()), total.noShows(),
                    Optional.empty(), noShowKind(reminders) == Action.Kind.NO_SHOWS ? Action.Target.APPOINTMENTS
                    : Action.Target.SETTINGS));
        }
        if (total.unmarkedPastVisits() > 0) {
            actions.add(new Action(Action.Kind.UNMARKED_VISITS, valued(total.unmarkedPastVisits(), total.aov()),
                    total.unmarkedPastVisits(), Optional.empty(), Action.Target.APPOINTMENTS));
        }
        return actions.stream().sorted(MOST_MONEY_FIRST).limit(SHOWN).toList();
    }

    /**
     * A channel flagged by the stop-channel rule, with the money it lost in the period: the whole spend when nobody
     * came, else (CAC − (AOV − variable cost per order)) × new clients, the negated contribution of every client.
     */
    private static Optional<Action> losingChannel(PeriodMetrics channel) {
        return channel.losingMoneyReason().map(reason -> switch (reason) {
            case SPEND_WITHOUT_NEW_CLIENTS -> new Action(Action.Kind.CHANNEL_SPENDS_WITHOUT_CLIENTS, channel.spend(),
                    0, channel.channel(), Action.Target.CHANNELS);
            case CAC_ABOVE_MARGIN -> new Action(Action.Kind.CHANNEL_LOSES_ON_EVERY_CLIENT,
                    channel.contributionPerVisit().value().negate()
                            .multiply(BigDecimal.valueOf(channel.newClients())),
                    channel.newClients(), channel.channel(), Action.Target.CHANNELS);
        });
    }

    private static Action.Kind noShowKind(ReminderPolicy reminders) {
        if (reminders.offsets().isEmpty()) {
            return Action.Kind.NO_SHOWS_WITHOUT_REMINDERS;
        }
        boolean sameDay = reminders.offsets().stream().anyMatch(offset -> offset.compareTo(SAME_DAY_REMINDER) <= 0);
        return sameDay ? Action.Kind.NO_SHOWS : Action.Kind.NO_SHOWS_WITHOUT_SAME_DAY_REMINDER;
    }

    /** Visits valued at the average order; without orders there is nothing to value them by, and they rank last. */
    private static BigDecimal valued(long visits, MetricValue aov) {
        return aov.times(BigDecimal.valueOf(visits)).orElse(BigDecimal.ZERO);
    }
}
