package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a dashboard needs for a range of months: the counters and the spend per month and channel, and when the
 * newest change was applied ("data as of"; null when nothing was applied yet).
 */
public record StoredAggregates(Map<AggregateKey, Counters> counters, Map<AggregateKey, BigDecimal> spend,
                                Instant dataAsOf) {
    public StoredAggregates {
        counters = Map.copyOf(counters);
        spend = Map.copyOf(spend);
    }
}
