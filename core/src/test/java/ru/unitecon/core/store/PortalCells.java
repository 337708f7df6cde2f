package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/** A portal's aggregates as stored and as its stored records add up to, for comparing the two. */
final class PortalCells {
    private PortalCells() {
    }

    /** Every stored monthly and cohort counter, the cohort counters merged into their cells, zero cells left out. */
    static Map<AggregateKey, Counters> stored(String member) {
        AggregateReader aggregates = new AggregateReader(LocalDynamo.client(), LocalDynamo.TABLE);
        Map<AggregateKey, Counters> cells = new TreeMap<>(
                aggregates.load(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12)).counters());
        aggregates.cohorts(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12))
                .forEach((cell, cohort) -> cells.merge(cell, cohort, Counters::plus));
        cells.values().removeIf(Counters::isZero);
        return cells;
    }

    /** What the portal's stored records add up to, computed from scratch. */
    static Map<AggregateKey, Counters> recomputed(RecordStore recordStore, String member, PortalSettings settings) {
        return new TreeMap<>(recordStore.recompute(member, settings).cells());
    }
}
