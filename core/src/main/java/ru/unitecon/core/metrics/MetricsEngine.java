package ru.unitecon.core.metrics;

import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboards' numbers, computed from a portal's monthly aggregates and its spend per month and channel, as of a
 * moment (a visit becomes past by time alone). A channel given as {@code Optional.empty()} means the whole portal.
 */
public final class MetricsEngine {
    private static final int MONTHS_PER_YEAR = 12;
    private static final Comparator<PeriodMetrics> BY_SPEND_THEN_CODE =
            Comparator.comparing(PeriodMetrics::spend).reversed()
                    .thenComparing(metrics -> metrics.channel().orElseThrow());

    private final PortalSettings settings;
    private final MonthlyAggregates aggregates;
    private final ZonedDateTime now;

    /** @param now the moment the figures are for, which tells the past visits from the coming ones */
    public MetricsEngine(PortalSettings settings, Map<AggregateKey, Counters> aggregates,
                         Map<AggregateKey, BigDecimal> spend, Instant now) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.aggregates = new MonthlyAggregates(aggregates, spend);
        this.now = now.atZone(settings.zone());
    }

    public PeriodMetrics total(Period period) {
        return metrics(period, Optional.empty());
    }

    public PeriodMetrics channel(Period period, String channel) {
        return metrics(period, Optional.of(Channel.requireValidCode(channel)));
    }

    public PeriodMetrics metrics(Period period, Optional<String> channel) {
        YearMonth last = period.to();
        BigDecimal processingCost = channel.isPresent() ? BigDecimal.ZERO
                : settings.processingCostPerMonth().multiply(BigDecimal.valueOf(period.length()));
        PeriodFigures figures = new PeriodFigures(period, channel, aggregates.spend(period, channel), processingCost,
                aggregates.counters(period, channel),
                aggregates.counters(Period.endingWith(last, MONTHS_PER_YEAR), channel).count(Measure.ORDERS),
                activeClients(period.from().minusMonths(1), channel), activeClients(last, channel),
                aggregates.counters(period, Optional.of(Channel.UNKNOWN)).count(Measure.LEADS),
                unmarkedPastVisits(period, channel));
        return figures.metrics(settings);
    }

    /** One row per channel with any counter or spend in the period, the biggest spenders first. */
    public List<PeriodMetrics> byChannel(Period period) {
        return aggregates.channels(period).stream()
                .map(channel -> channel(period, channel))
                .sorted(BY_SPEND_THEN_CODE)
                .toList();
    }

    /** The overview's "what to do": the actions worth the most money in the period, the most first. */
    public List<Action> actions(Period period) {
        return Actions.of(total(period), byChannel(period), settings.reminders());
    }

    public PeriodComparison compare(Period period, Optional<String> channel) {
        return new PeriodComparison(metrics(period, channel), metrics(period.previous(), channel));
    }

    /** The metrics of each month of the period, for the trend charts. */
    public List<PeriodMetrics> trend(Period period, Optional<String> channel) {
        return period.months().stream().map(month -> metrics(Period.month(month), channel)).toList();
    }

    /**
     * One row per acquisition month of the period.
     *
     * @param currentMonth the month in progress: observed LTVs that need it, or later months, are undefined
     */
    public List<CohortRow> cohorts(Period acquisitionMonths, Optional<String> channel, YearMonth currentMonth) {
        return acquisitionMonths.months().stream()
                .map(month -> CohortRow.of(month, aggregates.counters(month, channel),
                        aggregates.spend(Period.month(month), channel), settings.variableCost(), currentMonth))
                .toList();
    }

    public WhatIfOutcome whatIf(Period period, Optional<String> channel, WhatIf scenario) {
        return scenario.applyTo(metrics(period, channel), settings.variableCost());
    }

    /**
     * Visits of the period still booked or confirmed on a day gone by: all of them in months gone by, those of the
     * days before today in the current month, none later. A visit nobody marked counts as past from the day after
     * its date (the aggregates keep open visits by day, so that the read does not grow with the bookings).
     */
    private long unmarkedPastVisits(Period period, Optional<String> channel) {
        YearMonth current = YearMonth.from(now);
        long unmarked = 0;
        for (YearMonth month : period.months()) {
            if (month.isBefore(current)) {
                unmarked += aggregates.openVisits(month, channel);
            } else if (month.equals(current)) {
                unmarked += aggregates.openVisitsBefore(month, channel, now.getDayOfMonth());
            }
        }
        return unmarked;
    }

    private long activeClients(YearMonth month, Optional<String> channel) {
        return aggregates.counters(month, channel).count(Measure.ACTIVE_CLIENTS);
    }
}
