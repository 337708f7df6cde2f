package ru.unitecon.core.bookkeeping;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What some records add to the monthly aggregates: counters per month and channel. Mutable while built. */
public final class Contribution {
    private final SortedMap<AggregateKey, Counters> cells = new TreeMap<>();

    public Contribution add(AggregateKey key, Counters counters) {
        Counters sum = cells.getOrDefault(key, Counters.ZERO).plus(counters);
        if (sum.isZero()) {
            cells.remove(key);
        } else {
            cells.put(key, sum);
        }
        return this;
    }

    public Contribution add(AggregateKey key, Measure measure, long count) {
        return add(key, Counters.of(measure, count));
    }

    public Contribution add(AggregateKey key, String name, BigDecimal amount) {
        return add(key, Counters.ZERO.plus(name, amount));
    }

    public Contribution add(Contribution other) {
        other.cells.forEach(this::add);
        return this;
    }

    public Contribution subtract(Contribution other) {
        other.cells.forEach((key, counters) -> add(key, Counters.ZERO.minus(counters)));
        return this;
    }

    public SortedMap<AggregateKey, Counters> cells() {
        return Collections.unmodifiableSortedMap(cells);
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution other && cells.equals(other.cells);
    }

    @Override
    public int hashCode() {
        return cells.hashCode();
    }

    @Override
    public String toString() {
        return cells.toString();
    }
}
