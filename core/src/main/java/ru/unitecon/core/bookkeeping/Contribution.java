package ru.unitecon.core.bookkeeping;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What some records add to the monthly aggregates: counters per month and channel, and per month and
 * {@code UTM_CAMPAIGN} value. Mutable while built.
 */
public final class Contribution {
    private final SortedMap<AggregateKey, Counters> cells = new TreeMap<>();
    private final SortedMap<CampaignCell, Counters> campaignCells = new TreeMap<>();

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

    public Contribution add(CampaignCell cell, Counters counters) {
        Counters sum = campaignCells.getOrDefault(cell, Counters.ZERO).plus(counters);
        if (sum.isZero()) {
            campaignCells.remove(cell);
        } else {
            campaignCells.put(cell, sum);
        }
        return this;
    }

    public Contribution add(CampaignCell cell, String name, BigDecimal amount) {
        return add(cell, Counters.ZERO.plus(name, amount));
    }

    public Contribution add(Contribution other) {
        other.cells.forEach(this::add);
        other.campaignCells.forEach(this::add);
        return this;
    }

    public Contribution subtract(Contribution other) {
        other.cells.forEach((key, counters) -> add(key, Counters.ZERO.minus(counters)));
        other.campaignCells.forEach((cell, counters) -> add(cell, Counters.ZERO.minus(counters)));
        return this;
    }

    public SortedMap<AggregateKey, Counters> cells() {
        return Collections.unmodifiableSortedMap(cells);
    }

    /** The counters per month and {@code UTM_CAMPAIGN} value: leads, new clients, orders, revenue, activity spells. */
    public SortedMap<CampaignCell, Counters> campaignCells() {
        return Collections.unmodifiableSortedMap(campaignCells);
    }

    public boolean isEmpty() {
        return cells.isEmpty() && campaignCells.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution other && cells.equals(other.cells) && campaignCells.equals(other.campaignCells);
    }

    @Override
    public int hashCode() {
        return 31 * cells.hashCode() + campaignCells.hashCode();
    }

    @Override
    public String toString() {
        return campaignCells.isEmpty() ? cells.toString() : cells + " campaigns " + campaignCells;
    }
}
