package ru.unitecon.core.metrics;

import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.Counters;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/** The counters and the spend of a portal, indexed by month, summed over periods for all channels or one. */
final class MonthlyAggregates {
    private final NavigableMap<YearMonth, Map<String, Counters>> counters;
    private final NavigableMap<YearMonth, Map<String, BigDecimal>> spend;

    MonthlyAggregates(Map<AggregateKey, Counters> counters, Map<AggregateKey, BigDecimal> spend) {
        spend.forEach((key, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("spend cannot be negative: " + key + " " + amount);
            }
        });
        this.counters = byMonth(counters);
        this.spend = byMonth(spend);
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
