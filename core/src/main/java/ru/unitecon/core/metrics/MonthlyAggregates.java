package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * The counters and the spend of a portal, indexed by month, summed over periods for all channels or one. The open
 * visits by day are kept apart from the counters that are summed, and only counted.
 */
final class MonthlyAggregates {
    private final NavigableMap<YearMonth, Map<String, Counters>> counters;
    private final NavigableMap<YearMonth, Map<String, Counters>> openVisits;
    private final NavigableMap<YearMonth, Map<String, BigDecimal>> spend;

    MonthlyAggregates(Map<AggregateKey, Counters> counters, Map<AggregateKey, BigDecimal> spend) {
        spend.forEach((key, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("spend cannot be negative: " + key + " " + amount);
            }
        });
        Map<AggregateKey, Counters> summed = new HashMap<>();
        Map<AggregateKey, Counters> open = new HashMap<>();
        counters.forEach((key, cell) -> {
            summed.put(key, cell.withoutOpenVisits());
            if (!cell.openVisitsPart().isZero()) {
                open.put(key, cell.openVisitsPart());
            }
        });
        this.counters = byMonth(summed);
        this.openVisits = byMonth(open);
        this.spend = byMonth(spend);
    }

    /** Visits of the month still booked or confirmed, whatever their day. */
    long openVisits(YearMonth month, Optional<String> channel) {
        return openVisitsBefore(month, channel, 32);
    }

    /** Visits of the month still booked or confirmed, on a day before {@code dayOfMonth}. */
    long openVisitsBefore(YearMonth month, Optional<String> channel, int dayOfMonth) {
        long open = 0;
        for (Map.Entry<String, Counters> cell : openVisits.getOrDefault(month, Map.of()).entrySet()) {
            if (channel.isEmpty() || channel.get().equals(cell.getKey())) {
                open += cell.getValue().openVisitsBefore(dayOfMonth);
            }
        }
        return open;
    }

    Counters counters(Period period, Optional<String> channel) {
        return sum(counters, period, channel, Counters.ZERO, Counters::plus);
    }

    Counters counters(YearMonth month, Optional<String> channel) {
        return counters(Period.month(month), channel);
    }

    BigDecimal spend(Period period, Optional<String> channel) {
        return sum(spend, period, channel, BigDecimal.ZERO, BigDecimal::add);
    }

    /** The channels with any counter or any spend in the period. */
    SortedSet<String> channels(Period period) {
        SortedSet<String> channels = new TreeSet<>();
        within(counters, period).values().forEach(cells -> cells.forEach((channel, c) -> {
            if (!c.isZero()) {
                channels.add(channel);
            }
        }));
        within(spend, period).values().forEach(cells -> cells.forEach((channel, amount) -> {
            if (amount.signum() != 0) {
                channels.add(channel);
            }
        }));
        return channels;
    }

    private static <V> V sum(NavigableMap<YearMonth, Map<String, V>> cells, Period period, Optional<String> channel,
                             V zero, BinaryOperator<V> add) {
        V total = zero;
        for (Map<String, V> month : within(cells, period).values()) {
            if (channel.isPresent()) {
                total = add.apply(total, month.getOrDefault(channel.get(), zero));
            } else {
                for (V value : month.values()) {
                    total = add.apply(total, value);
                }
            }
        }
        return total;
    }

    private static <V> NavigableMap<YearMonth, Map<String, V>> within(
            NavigableMap<YearMonth, Map<String, V>> cells, Period period) {
        return cells.subMap(period.from(), true, period.to(), true);
    }

    private static <V> NavigableMap<YearMonth, Map<String, V>> byMonth(Map<AggregateKey, V> cells) {
        NavigableMap<YearMonth, Map<String, V>> index = new TreeMap<>();
        cells.forEach((key, value) -> index.computeIfAbsent(key.month(), m -> new TreeMap<>())
                .put(key.channel(), value));
        return index;
    }
}
