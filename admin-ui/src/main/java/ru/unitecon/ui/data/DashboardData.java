package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads what the dashboards of one portal need for a period, and nothing of any other portal. */
@Service
public class DashboardData {
    /**
     * Months read before the previous period: the LTV formula's purchase frequency looks at the twelve months
     * that end with a period, and retention at the month before it.
     */
    private static final int LOOKBACK_MONTHS = 12;

    /**
     * What makes a month one "with data". Active clients are left out: they carry on for a year after the last
     * order, so a month of them alone has nothing new to show.
     */
    private static final List<Measure> DATA = List.of(Measure.LEADS, Measure.ORDERS, Measure.APPOINTMENTS,
            Measure.UNCOUNTED_ORDERS);

    private final SettingsStore settings;
    private final AggregateReader aggregates;
    private final InstallationStore portals;
    private final Clock clock;

    public DashboardData(SettingsStore settings, AggregateReader aggregates, InstallationStore portals, Clock clock) {
        this.settings = settings;
        this.aggregates = aggregates;
        this.portals = portals;
        this.clock = clock;
    }

    /** The period and the one before it, with everything their metrics are computed from. */
    public Dashboard load(String memberId, Period period) {
        PortalSettings portalSettings = settings.load(memberId);
        StoredAggregates loaded = aggregates.load(memberId,
                period.previous().from().minusMonths(LOOKBACK_MONTHS), period.to());
        return new Dashboard(portalSettings,
                new MetricsEngine(portalSettings, loaded.counters(), loaded.spend(), clock.instant()),
                loaded.dataAsOf());
    }

    /**
     * The clients acquired in the given months, for the cohort view: the months' counters with the cohort counters
     * (revenue and orders by age) added, which the other dashboards never read.
     */
    public Dashboard loadCohorts(String memberId, Period acquisitionMonths) {
        PortalSettings portalSettings = settings.load(memberId);
        StoredAggregates loaded = aggregates.load(memberId, acquisitionMonths.from(), acquisitionMonths.to());
        Map<AggregateKey, Counters> counters = new HashMap<>(loaded.counters());
        aggregates.cohorts(memberId, acquisitionMonths.from(), acquisitionMonths.to())
                .forEach((cell, cohort) -> counters.merge(cell, cohort, Counters::plus));
        return new Dashboard(portalSettings, new MetricsEngine(portalSettings, counters, loaded.spend(),
                clock.instant()),
                loaded.dataAsOf());
    }

    /** The overview's first period: the last complete month with data (PeriodChoices), read from the aggregates. */
    public Period defaultPeriod(String memberId, YearMonth current) {
        StoredAggregates loaded = aggregates.load(memberId, current.minusMonths(PeriodChoices.MONTHS),
                current.minusMonths(1));
        Set<YearMonth> withData = new HashSet<>();
        loaded.counters().forEach((cell, counters) -> {
            if (DATA.stream().anyMatch(measure -> counters.count(measure) > 0)) {
                withData.add(cell.month());
            }
        });
        loaded.spend().forEach((cell, amount) -> {
            if (amount.signum() > 0) {
                withData.add(cell.month());
            }
        });
        return PeriodChoices.lastCompleteMonthWithData(current, withData);
    }

    public PortalSettings settings(String memberId) {
        return settings.load(memberId);
    }

    /** The portal's current month, in its own time zone. */
    public YearMonth currentMonth(PortalSettings portalSettings) {
        return YearMonth.now(clock.withZone(portalSettings.zone()));
    }

    public boolean needsReconnect(String memberId) {
        return portals.find(memberId).map(portal -> portal.status() == InstallationStatus.NEEDS_RECONNECT).orElse(false);
    }
}
