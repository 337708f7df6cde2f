package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.attribution.Channel;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;

/** One cell of the monthly aggregates: a calendar month in the portal's zone and a channel. */
public record AggregateKey(YearMonth month, String channel) implements Comparable<AggregateKey> {
    private static final Comparator<AggregateKey> ORDER =
            Comparator.comparing(AggregateKey::month).thenComparing(AggregateKey::channel);

    public AggregateKey {
        Objects.requireNonNull(month, "month");
        Channel.requireValidCode(channel);
    }

    @Override
    public int compareTo(AggregateKey other) {
        return ORDER.compare(this, other);
    }
}
