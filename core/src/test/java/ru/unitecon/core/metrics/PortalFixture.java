package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** A portal's monthly aggregates and spend, written cell by cell for a test. */
final class PortalFixture {
    private final Map<AggregateKey, Counters> counters = new HashMap<>();
    private final Map<AggregateKey, BigDecimal> spend = new HashMap<>();

    PortalFixture count(YearMonth month, String channel, Measure measure, long count) {
        return add(month, channel, measure.attribute(), BigDecimal.valueOf(count));
    }

    PortalFixture revenue(YearMonth month, String channel, String amount) {
        return add(month, channel, Measure.REVENUE.attribute(), new BigDecimal(amount));
    }

    /** Orders and revenue that the clients acquired in {@code month} brought {@code age} months later. */
    PortalFixture cohort(YearMonth month, String channel, int age, long orders, String revenue) {
        add(month, channel, Counters.cohortOrdersName(age), BigDecimal.valueOf(orders));
        return add(month, channel, Counters.cohortRevenueName(age), new BigDecimal(revenue));
    }

    PortalFixture spend(YearMonth month, String channel, String amount) {
        spend.merge(new AggregateKey(month, channel), new BigDecimal(amount), BigDecimal::add);
        return this;
    }

    /** The moment the fixture's figures are read at: after every month the tests use. */
    static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

    MetricsEngine engine(PortalSettings settings) {
        return new MetricsEngine(settings, counters, spend, READ_AT);
    }

    /** The engine as of {@code now}, in the default (Moscow) zone. */
    MetricsEngine engineAt(Instant now) {
        return new MetricsEngine(PortalSettings.defaults(), counters, spend, now);
    }

    /** Visits still booked or confirmed on a day of a month. */
    PortalFixture openVisits(YearMonth month, String channel, int day, long count) {
        return add(month, channel, Counters.openVisitsName(day), BigDecimal.valueOf(count));
    }

    MetricsEngine engine() {
        return engine(PortalSettings.defaults());
    }

    private PortalFixture add(YearMonth month, String channel, String name, BigDecimal amount) {
        counters.merge(new AggregateKey(month, channel), Counters.ZERO.plus(name, amount), Counters::plus);
        return this;
    }
}
