package ru.unitecon.core.metrics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsEnginePropertiesTest {
    private static final List<String> CHANNELS = List.of(Channel.INSTAGRAM, Channel.VK, Channel.REFERRAL,
            Channel.UNKNOWN);
    private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 10);
    private static final int MONTHS = 6;
    private static final BigDecimal ONE_MILLIONTH = new BigDecimal("0.000001");

    record RandomPortal(PortalSettings settings, Map<AggregateKey, Counters> counters,
                        Map<AggregateKey, BigDecimal> spend, Period period) {

        MetricsEngine engine() {
            return new MetricsEngine(settings, counters, spend, PortalFixture.READ_AT);
        }
    }

    @Property(tries = 200)
    void channelsAddUpToTheTotal(@ForAll("portals") RandomPortal portal) {
        MetricsEngine engine = portal.engine();

        PeriodMetrics total = engine.total(portal.period());
        List<PeriodMetrics> channels = engine.byChannel(portal.period());

        assertEquals(total.leads(), sumOfCounts(channels, PeriodMetrics::leads));
        assertEquals(total.orders(), sumOfCounts(channels, PeriodMetrics::orders));
        assertEquals(total.newClients(), sumOfCounts(channels, PeriodMetrics::newClients));
        assertEquals(0, total.revenue().compareTo(sumOfAmounts(channels, PeriodMetrics::revenue)));
        assertEquals(0, total.spend().compareTo(sumOfAmounts(channels, PeriodMetrics::spend)));
    }

    @Property(tries = 200)
    void cacTimesNewClientsGivesBackTheSpendWithinRounding(@ForAll("portals") RandomPortal portal) {
        MetricsEngine engine = portal.engine();

        for (PeriodMetrics metrics : everyScope(engine, portal.period())) {
            if (metrics.newClients() > 0) {
                BigDecimal newClients = BigDecimal.valueOf(metrics.newClients());
                BigDecimal error = metrics.cac().value().multiply(newClients).subtract(metrics.spend()).abs();
                assertTrue(error.compareTo(newClients.multiply(ONE_MILLIONTH)) <= 0,
                        () -> "CAC " + metrics.cac() + " × " + newClients + " is off " + metrics.spend() + " by " + error);
            }
        }
    }

    @Property(tries = 200)
    void cacIsUndefinedExactlyWhenThereAreNoNewClients(@ForAll("portals") RandomPortal portal) {
        for (PeriodMetrics metrics : everyScope(portal.engine(), portal.period())) {
            assertEquals(metrics.newClients() == 0, !metrics.cac().isDefined());
        }
    }

    @Property(tries = 200)
    void romiIsUndefinedExactlyWhenThereIsNoSpend(@ForAll("portals") RandomPortal portal) {
        for (PeriodMetrics metrics : everyScope(portal.engine(), portal.period())) {
            assertEquals(metrics.spend().signum() == 0, !metrics.romi().isDefined());
        }
    }

    @Property(tries = 100)
    void metricsNeverThrowOnNonNegativeInput(@ForAll("portals") RandomPortal portal,
                                             @ForAll("noShowRates") BigDecimal targetNoShowRate,
                                             @ForAll("amounts") BigDecimal targetCac) {
        MetricsEngine engine = portal.engine();
        Period period = portal.period();
        WhatIf scenario = new WhatIf(Optional.of(targetNoShowRate), Optional.of(targetCac));

        for (Optional<String> channel : Stream.concat(Stream.of(Optional.<String>empty()),
                CHANNELS.stream().map(Optional::of)).toList()) {
            engine.compare(period, channel);
            engine.trend(period, channel);
            engine.cohorts(period, channel, period.to().plusMonths(1));
            engine.whatIf(period, channel, scenario);
        }
        engine.byChannel(period);
    }

    @Provide
    Arbitrary<RandomPortal> portals() {
        Arbitrary<PortalSettings> settings = Arbitraries.of(
                PortalSettings.defaults(),
                PortalSettings.defaults().withVariableCost(VariableCost.percent("30")),
                PortalSettings.defaults().withVariableCost(VariableCost.perOrder("300"))
                        .withProcessingCostPerMonth(new BigDecimal("15000")));
        Arbitrary<Map<AggregateKey, Counters>> counters = Arbitraries.maps(keys(), counters()).ofMaxSize(24);
        Arbitrary<Map<AggregateKey, BigDecimal>> spend = Arbitraries.maps(keys(), amounts()).ofMaxSize(24);
        return Combinators.combine(settings, counters, spend, months(), months())
                .as((s, c, sp, a, b) -> new RandomPortal(s, c, sp,
                        a.isAfter(b) ? new Period(b, a) : new Period(a, b)));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> noShowRates() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.99")).ofScale(2);
    }

    private static Arbitrary<YearMonth> months() {
        return Arbitraries.integers().between(0, MONTHS - 1).map(FIRST_MONTH::plusMonths);
    }

    private static Arbitrary<AggregateKey> keys() {
        return Combinators.combine(months(), Arbitraries.of(CHANNELS)).as(AggregateKey::new);
    }

    private Arbitrary<Counters> counters() {
        Arbitrary<Long> count = Arbitraries.longs().between(0, 400);
        List<Measure> countedMeasures = Stream.of(Measure.values()).filter(m -> m != Measure.REVENUE).toList();
        return Combinators.combine(count.list().ofSize(countedMeasures.size()), amounts(),
                        count.list().ofSize(Counters.COHORT_AGES), amounts().list().ofSize(Counters.COHORT_AGES))
                .as((counts, revenue, cohortOrders, cohortRevenue) -> {
                    Map<String, BigDecimal> values = new HashMap<>();
                    for (int i = 0; i < countedMeasures.size(); i++) {
                        values.put(countedMeasures.get(i).attribute(), BigDecimal.valueOf(counts.get(i)));
                    }
                    values.put(Measure.REVENUE.attribute(), revenue);
                    for (int age = 0; age < Counters.COHORT_AGES; age++) {
                        values.put(Counters.cohortOrdersName(age), BigDecimal.valueOf(cohortOrders.get(age)));
                        values.put(Counters.cohortRevenueName(age), cohortRevenue.get(age));
                    }
                    return Counters.of(values);
                });
    }

    private static List<PeriodMetrics> everyScope(MetricsEngine engine, Period period) {
        List<PeriodMetrics> scopes = new ArrayList<>(engine.byChannel(period));
        scopes.add(engine.total(period));
        return scopes;
    }

    private static long sumOfCounts(List<PeriodMetrics> metrics, Function<PeriodMetrics, Long> count) {
        return metrics.stream().mapToLong(count::apply).sum();
    }

    private static BigDecimal sumOfAmounts(List<PeriodMetrics> metrics, Function<PeriodMetrics, BigDecimal> amount) {
        return metrics.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
