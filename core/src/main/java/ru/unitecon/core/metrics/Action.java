package ru.unitecon.core.metrics;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing worth doing this period, with the money it is about (docs/metrics.md, "What to do").
 *
 * @param money   what is at stake in the period, in the reporting currency: the money a channel lost, the revenue
 *                no-shows took, or the revenue of visits nobody marked; zero when the portal has no orders to value
 *                a visit by
 * @param count   new clients of a losing channel, no-shows, or unmarked past visits
 * @param channel the losing channel; empty for the portal-wide kinds
 */
public record Action(Kind kind, BigDecimal money, long count, Optional<String> channel, Target target) {

    /** Declared in the order that breaks ties of money: a channel first, then no-shows, then unmarked visits. */
    public enum Kind {
        /** A client costs more than the first visit earns: CAC above AOV − variable cost per order. */
        CHANNEL_LOSES_ON_EVERY_CLIENT,
        /** Money was spent and no new client came: all of the spend is at stake. */
        CHANNEL_SPENDS_WITHOUT_CLIENTS,
        /** No-shows while the portal sends no reminders at all. */
        NO_SHOWS_WITHOUT_REMINDERS,
        /** No-shows while no reminder goes out within three hours of the visit. */
        NO_SHOWS_WITHOUT_SAME_DAY_REMINDER,
        /** No-shows although reminders go out: the front desk follows them up. */
        NO_SHOWS,
        /** Past visits still booked or confirmed: nobody marked whether the client came. */
        UNMARKED_VISITS
    }

    /** Where the owner fixes it. */
    public enum Target { CHANNELS, APPOINTMENTS, SETTINGS }

    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
    }

    /** What each new client of a losing channel cost beyond what the first visit earned; undefined for other kinds. */
    public MetricValue perClient() {
        return kind == Kind.CHANNEL_LOSES_ON_EVERY_CLIENT
                ? MetricValue.ratio(money, BigDecimal.valueOf(count), "no new clients")
                : MetricValue.undefined("not a channel losing on its clients");
    }
}
