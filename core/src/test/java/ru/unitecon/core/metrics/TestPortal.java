package ru.unitecon.core.metrics;

import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.Counters;
import ru.unitecon.core.ledger.Measure;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** A portal's monthly aggregates and spend, written cell by cell for a test. */
final class TestPortal {
    private final Map<AggregateKey, Counters> counters = new HashMap<>();
    private final Map<AggregateKey, BigDecimal> spend = new HashMap<>();

    TestPortal count(YearMonth month, String channel, Measure measure, long count) {
        return add(month, channel, measure.attribute(), BigDecimal.valueOf(count));
    }

    TestPortal revenue(YearMonth month, String channel, String amount) {
        return add(month, channel, Measure.REVENUE.attribute(), new BigDecimal(amount));
    }

    /** Orders and revenue that the clients acquired in {@code month} brought {@code age} months later. */
    TestPortal cohort(YearMonth month, String channel, int age, long orders, String revenue) {
        add(month, channel, Counters.cohortOrdersName(age), BigDecimal.valueOf(orders));
        return add(month, channel, Counters.cohortRevenueName(age), new BigDecimal(revenue));
    }

    TestPortal spend(YearMonth month, String channel, String amount) {
        spend.merge(new AggregateKey(month, channel), new BigDecimal(amount), BigDecimal::add);
        return this;
    }

    MetricsEngine engine(PortalSettings settings) {
        return new MetricsEngine(settings, counters, spend);
    }

    MetricsEngine engine() {
        return engine(PortalSettings.defaults());
    }

    private TestPortal add(YearMonth month, String channel, String name, BigDecimal amount) {
        counters.merge(new AggregateKey(month, channel), Counters.ZERO.plus(name, amount), Counters::plus);
        return this;
    }
}
