package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.RetentionMeasure;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The retention view's figures from the retention counters (see {@link RetentionMeasure}), by channel, by master and
 * by both. It needs the cells of every month up to the period's end, since lost clients are those acquired by then
 * that are not active: a query over months × channels items, as the dashboards make, whatever the number of leads.
 */
public final class RetentionEngine {
    private static final int MONTHS_PER_YEAR = 12;
    private static final YearMonth EARLIEST = YearMonth.of(1, 1);
    private static final Comparator<RetentionRow> MOST_CLIENTS_FIRST =
            Comparator.comparingLong(RetentionRow::activeAtEnd).reversed()
                    .thenComparing(row -> row.channel().orElse(""))
                    .thenComparing(row -> row.master().orElse(0L));

    private final PortalSettings settings;
    /**
     * Each channel and master's counters by month, so that a row sums only its own groups' months: the master ×
     * channel table asks for a row per pair, and a scan of every cell per row grew with masters × channels.
     */
    private final Map<Group, NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>>> groups = new HashMap<>();

    private record Group(String channel, long master) {
    }

    /** @param cohortCounters the cohort items' counters (other counters in them are ignored) */
    public RetentionEngine(PortalSettings settings, Map<AggregateKey, Counters> cohortCounters) {
        this.settings = settings;
        cohortCounters.forEach((key, counters) -> counters.asMap().forEach((name, value) -> {
            for (RetentionMeasure measure : RetentionMeasure.values()) {
                Optional<OptionalLong> master = measure.masterOf(name);
                if (master.isPresent()) {
                    groups.computeIfAbsent(new Group(key.channel(), master.get().orElse(RetentionRow.NO_MASTER)),
                                    g -> new TreeMap<>())
                            .computeIfAbsent(key.month(), m -> new EnumMap<>(RetentionMeasure.class))
                            .merge(measure, value, BigDecimal::add);
                    return;
                }
            }
        }));
    }

    public RetentionRow total(Period period) {
        return row(period, Optional.empty(), Optional.empty());
    }

    /** One row per acquisition channel with clients by the period's end, the most active clients first. */
    public List<RetentionRow> byChannel(Period period) {
        return keys(period, Group::channel).stream()
                .map(channel -> row(period, Optional.of(channel), Optional.empty()))
                .sorted(MOST_CLIENTS_FIRST).toList();
    }

    /** One row per master with clients by the period's end. */
    public List<RetentionRow> byMaster(Period period) {
        return keys(period, Group::master).stream()
                .map(master -> row(period, Optional.empty(), Optional.of(master)))
                .sorted(MOST_CLIENTS_FIRST).toList();
    }

    /** One row per master and channel with clients by the period's end: which masters keep which channels' clients. */
    public List<RetentionRow> byMasterAndChannel(Period period) {
        List<RetentionRow> rows = new ArrayList<>();
        for (Long master : keys(period, Group::master)) {
            for (String channel : keys(period, Group::channel)) {
                RetentionRow row = row(period, Optional.of(channel), Optional.of(master));
                if (row.activeAtEnd() + row.lostAtEnd() > 0) {
                    rows.add(row);
                }
            }
        }
        return rows.stream().sorted(MOST_CLIENTS_FIRST).toList();
    }

    /** The figures of each month of the period, for the charts. */
    public List<RetentionRow> trend(Period period, Optional<String> channel, Optional<Long> master) {
        return period.months().stream().map(month -> row(Period.month(month), channel, master)).toList();
    }

    public RetentionRow row(Period period, Optional<String> channel, Optional<Long> master) {
        List<NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>>> group = new ArrayList<>();
        groups.forEach((key, months) -> {
            if (channel.map(key.channel()::equals).orElse(true) && master.map(m -> m == key.master()).orElse(true)) {
                group.add(months);
            }
        });
        YearMonth end = period.to();
        YearMonth start = period.from().minusMonths(1);
        long newClients = count(period.from(), end, group, RetentionMeasure.CLIENTS);
        long returning = count(period.from(), end, group, RetentionMeasure.RETURNING);
        long secondInTime = count(period.from(), end, group, RetentionMeasure.SECOND_IN_TIME);
        long orders = count(period.from(), end, group, RetentionMeasure.ORDERS);
        BigDecimal revenue = sum(period.from(), end, group, RetentionMeasure.REVENUE);
        BigDecimal gapDays = sum(period.from(), end, group, RetentionMeasure.GAP_DAYS);
        long activeAtEnd = active(end, group);
        long activeAtStart = active(start, group);
        long acquiredByEnd = count(EARLIEST, end, group, RetentionMeasure.CLIENTS);
        long yearOrders = count(end.minusMonths(MONTHS_PER_YEAR - 1), end, group, RetentionMeasure.MONTH_ORDERS);
        long becameLost = count(period.from(), end, group, RetentionMeasure.BECAME_LOST);
        BigDecimal margin = UnitEconomics.grossMargin(revenue, orders, settings.variableCost());
        return new RetentionRow(channel, master, newClients,
                MetricValue.ratio(BigDecimal.valueOf(returning), BigDecimal.valueOf(newClients), "no new clients"),
                MetricValue.ratio(BigDecimal.valueOf(secondInTime), BigDecimal.valueOf(newClients), "no new clients"),
                MetricValue.ratio(BigDecimal.valueOf(yearOrders), BigDecimal.valueOf(activeAtEnd),
                        "no active clients"),
                MetricValue.ratio(gapDays, BigDecimal.valueOf(orders - newClients), "no repeat visits"),
                activeAtEnd, acquiredByEnd - activeAtEnd, becameLost,
                UnitEconomics.retentionRate(activeAtEnd, newClients, activeAtStart),
                UnitEconomics.observedLtv(margin, newClients));
    }

    private <K> SortedSet<K> keys(Period period, Function<Group, K> key) {
        SortedSet<K> keys = new TreeSet<>();
        groups.forEach((group, months) -> {
            if (!months.headMap(period.to(), true).isEmpty()) {
                keys.add(key.apply(group));
            }
        });
        return keys;
    }

    /** Clients active at a month: those that became active by then less those that became lost by then. */
    private long active(YearMonth month, List<NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>>> group) {
        return count(EARLIEST, month, group, RetentionMeasure.BECAME_ACTIVE)
                - count(EARLIEST, month, group, RetentionMeasure.BECAME_LOST);
    }

    private long count(YearMonth from, YearMonth to, List<NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>>> group, RetentionMeasure measure) {
        return sum(from, to, group, measure).longValueExact();
    }

    private BigDecimal sum(YearMonth from, YearMonth to,
                           List<NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>>> group,
                           RetentionMeasure measure) {
        BigDecimal total = BigDecimal.ZERO;
        for (NavigableMap<YearMonth, Map<RetentionMeasure, BigDecimal>> months : group) {
            for (Map<RetentionMeasure, BigDecimal> month : months.subMap(from, true, to, true).values()) {
                BigDecimal value = month.get(measure);
                if (value != null) {
                    total = total.add(value);
                }
            }
        }
        return total;
    }
}
