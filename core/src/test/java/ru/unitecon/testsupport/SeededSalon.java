package ru.unitecon.testsupport;

import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalSecrets;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.core.wiring.AppServices;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A salon of its own in DynamoDB Local, filled through the real store, and the table-only services (BI export,
 * Spend API) on a stopped clock: core's tests of those services and the functions' tests of their handlers share it.
 */
public final class SeededSalon {
    public static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    public static final YearMonth MARCH = YearMonth.of(2026, 3);

    /** The app on the shared test table, on the stopped clock. */
    public static final AppServices APP = LocalDynamo.app(CLOCK);

    public final String memberId = LocalDynamo.freshMemberId();
    public final PortalSecrets secrets = APP.secrets();
    public final SpendStore spend = APP.spend();
    private final PortalStore portals = APP.portals();
    private final SettingsStore settings = APP.settings();
    private final LedgerStore ledger = APP.ledger();

    public SeededSalon() {
        String domain = "salon-" + memberId.substring(0, 6) + ".bitrix24.ru";
        portals.saveInstallation(new PortalInstallation(memberId, domain, URI.create("https://" + domain + "/rest/"),
                null, null, PortalStatus.INSTALLED, NOW, null));
    }

    /** Leads from Instagram and VK in February and March, orders from two of them, and spend on both. */
    public SeededSalon withSalesAndSpend() {
        lead(1, MARCH, 2, LeadSource.ofUtm("instagram", "cpc", null), 101L);
        wonDeal(1, MARCH, 5, 101, 1, "2500");
        lead(2, MARCH, 3, LeadSource.ofUtm("instagram", "cpc", null), 102L);
        lead(3, MARCH, 4, LeadSource.ofUtm("vk", null, null), null);
        lead(4, FEBRUARY, 7, LeadSource.ofUtm("instagram", null, null), 105L);
        wonDeal(2, FEBRUARY, 9, 105, 4, "4000.50");
        wonDeal(3, MARCH, 10, 105, 4, "3000");
        spend.replaceMonths(memberId, Map.of(
                FEBRUARY, Map.of("instagram", new BigDecimal("10000")),
                MARCH, Map.of("instagram", new BigDecimal("12000.50"), "vk", new BigDecimal("3000"))));
        return this;
    }

    private void lead(long id, YearMonth month, int day, LeadSource source, Long contactId) {
        Instant created = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ledger.apply(memberId, PortalSettings.defaults(), new LeadSnapshot(id, created, created, source,
                Semantic.IN_PROGRESS, contactId, BigDecimal.ZERO, 1L, null));
    }

    private void wonDeal(long id, YearMonth month, int day, long contactId, long leadId, String amount) {
        Instant closed = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ledger.apply(memberId, PortalSettings.defaults(), new DealSnapshot(id, closed, closed, LeadSource.NONE,
                Semantic.SUCCESS, contactId, leadId, new BigDecimal(amount), LocalDate.ofInstant(closed, ZoneOffset.UTC),
                1L, null));
    }

    public void uninstall() {
        portals.markUninstalled(memberId);
    }

    public MetricsEngine engine() {
        StoredAggregates all = APP.aggregates()
                .load(memberId, YearMonth.of(2024, 1), YearMonth.of(2026, 12));
        return new MetricsEngine(PortalSettings.defaults(), all.counters(), all.spend(), CLOCK.instant());
    }

    public static MetricsExport metricsExport() {
        return APP.metricsExport();
    }

    public static SpendApi spendApi() {
        return APP.spendApi();
    }
}
