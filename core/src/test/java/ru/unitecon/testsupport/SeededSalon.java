package ru.unitecon.testsupport;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.export.BiConnector;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.store.CampaignSpendStore;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.core.wiring.AppServices;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A salon of its own in DynamoDB Local, filled through the real store: leads and deals applied as the sync applies
 * them, spend saved as a manager or the Spend API saves it, all on a stopped clock. Core's tests of the table-only
 * services (BI export, Spend API), the functions' tests of their handlers and the admin UI's view tests share it.
 */
public final class SeededSalon {
    public static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    public static final YearMonth MARCH = YearMonth.of(2026, 3);
    /** Months before and after everything a test seeds. */
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 12);

    /** The app on the shared test table, on the stopped clock. */
    public static final AppServices APP = LocalDynamo.app(CLOCK);

    public final String memberId;
    public final String domain;
    public final SecretStore secrets = APP.secrets();
    public final SpendStore spend = APP.spend();
    private final PortalSettings settings = PortalSettings.defaults();
    private final RecordStore recordStore = APP.recordStore();

    /** An installed salon of its own. */
    public SeededSalon() {
        this(InstallationStatus.INSTALLED);
    }

    public SeededSalon(InstallationStatus status) {
        this(LocalDynamo.freshMemberId(), status);
    }

    private SeededSalon(String memberId, InstallationStatus status) {
        this(memberId, "salon-" + memberId.substring(0, 6) + ".bitrix24.ru", null, status);
    }

    /** A salon installed with the given address (a simulated portal's, say) and OAuth server. */
    public SeededSalon(String memberId, String domain, URI serverEndpoint, InstallationStatus status) {
        this.memberId = memberId;
        this.domain = domain;
        APP.portals().saveInstallation(new Installation(memberId, domain,
                URI.create("https://" + domain + "/rest/"), serverEndpoint, null, status, NOW, null));
    }

    /** Leads from Instagram and VK in February and March, orders from two of them, and spend on both. */
    public SeededSalon withSalesAndSpend() {
        return lead(1, MARCH, 2, LeadSource.ofUtm("instagram", "cpc", null), 101L)
                .wonDeal(1, MARCH, 5, 101, 1, "2500")
                .lead(2, MARCH, 3, LeadSource.ofUtm("instagram", "cpc", null), 102L)
                .lead(3, MARCH, 4, LeadSource.ofUtm("vk", null, null), null)
                .lead(4, FEBRUARY, 7, LeadSource.ofUtm("instagram", null, null), 105L)
                .wonDeal(2, FEBRUARY, 9, 105, 4, "4000.50")
                .wonDeal(3, MARCH, 10, 105, 4, "3000")
                .spend(FEBRUARY, Map.of("instagram", new BigDecimal("10000")))
                .spend(MARCH, Map.of("instagram", new BigDecimal("12000.50"), "vk", new BigDecimal("3000")));
    }

    /** A Direct campaign with leads and an order, one without leads, a VK Ads one with a client; March. */
    public static final CampaignKey SPRING = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "70213344");
    public static final CampaignKey BRAND = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "70213999");
    public static final CampaignKey PEDICURE = new CampaignKey(AdPlatform.VK_ADS, "123", "5551");

    /**
     * March's campaigns: "Маникюр весна" (Direct, 10 000 ₽, two leads tagged with its id, one client of 5 000 ₽),
     * "Бренд" (Direct, 1 500 ₽, no lead), "Педикюр" (VK Ads, 1 000 ₽, one lead and client of 2 000 ₽), and a lead
     * tagged {@code summer_sale}, which no campaign's default rules take.
     */
    public SeededSalon withCampaigns() {
        lead(11, MARCH, 2, LeadSource.ofUtm("yandex", "cpc", "70213344"), 201L).wonDeal(11, MARCH, 6, 201, 11, "5000")
                .lead(12, MARCH, 3, LeadSource.ofUtm("yandex", "cpc", "70213344"), 202L)
                .lead(13, MARCH, 4, LeadSource.ofUtm("vk", "cpc", "5551"), 203L).wonDeal(12, MARCH, 8, 203, 13, "2000")
                .lead(14, MARCH, 5, LeadSource.ofUtm("vk", "cpc", "summer_sale"), 204L);
        CampaignSpendStore campaigns = APP.campaignSpend();
        campaigns.replaceDays(memberId, SPRING.account(), Map.of(
                MARCH.atDay(1), List.of(new CampaignDaySpend(SPRING, "Маникюр весна", MARCH.atDay(1), new BigDecimal("6000"))),
                MARCH.atDay(2), List.of(new CampaignDaySpend(SPRING, "Маникюр весна", MARCH.atDay(2), new BigDecimal("4000")),
                        new CampaignDaySpend(BRAND, "Бренд", MARCH.atDay(2), new BigDecimal("1500")))));
        campaigns.replaceDays(memberId, PEDICURE.account(), Map.of(MARCH.atDay(4),
                List.of(new CampaignDaySpend(PEDICURE, "Педикюр", MARCH.atDay(4), new BigDecimal("1000")))));
        return this;
    }

    /** A lead created on the given day of the month, at noon Moscow time. */
    public SeededSalon lead(long id, YearMonth month, int day, LeadSource source, Long contactId) {
        return leadAt(id, month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC), source, contactId);
    }

    public SeededSalon leadAt(long id, Instant created, LeadSource source, Long contactId) {
        recordStore.apply(memberId, settings, new LeadSnapshot(id, created, created, source, Semantic.IN_PROGRESS,
                contactId, BigDecimal.ZERO, 1L, null));
        return this;
    }

    /** The lead of {@link #lead} (created at 09:00 UTC that day) first answered by an activity minutes later. */
    public SeededSalon answered(long id, YearMonth month, int day, int minutes) {
        return answeredAfter(id, month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC), minutes);
    }

    /** The lead created at {@code created} first answered by an activity minutes later. */
    public SeededSalon answeredAfter(long id, Instant created, int minutes) {
        recordStore.answerLead(memberId, settings, id, new FirstResponse(created.plus(Duration.ofMinutes(minutes)),
                FirstResponse.Source.ACTIVITY));
        return this;
    }

    /** The response figures from every stored monthly item, as the retention view reads them. */
    public ResponseSpeed responseSpeed() {
        return new ResponseSpeed(APP.aggregates().load(memberId, FIRST_MONTH, LAST_MONTH).counters());
    }

    /** A lead with an appointment at {@code visit} in the given state, created the day before the visit. */
    public SeededSalon leadWithVisit(long id, LeadSource source, Instant visit, AppointmentState state) {
        Instant created = visit.minus(Duration.ofDays(1));
        recordStore.apply(memberId, settings, new LeadSnapshot(id, created, created, source, Semantic.IN_PROGRESS,
                null, BigDecimal.ZERO, 1L, new AppointmentObservation(visit, state)));
        return this;
    }

    public SeededSalon wonDeal(long id, YearMonth month, int day, long contactId, long leadId, String amount) {
        return wonDealBy(id, month, day, contactId, leadId, amount, 1L);
    }

    /** A won deal whose responsible user, the master, is {@code master}. */
    public SeededSalon wonDealBy(long id, YearMonth month, int day, long contactId, long leadId, String amount,
                                 Long master) {
        Instant closed = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        recordStore.apply(memberId, settings, new DealSnapshot(id, closed, closed, LeadSource.NONE, Semantic.SUCCESS,
                contactId, leadId, new BigDecimal(amount), LocalDate.ofInstant(closed, ZoneOffset.UTC), master, null));
        return this;
    }

    /** The retention figures from every stored cohort item, as the retention view reads them. */
    public RetentionEngine retention() {
        return new RetentionEngine(settings, APP.aggregates().cohorts(memberId, FIRST_MONTH, LAST_MONTH));
    }

    /** A won deal whose amount is in {@code currency}. */
    public SeededSalon wonDealIn(long id, YearMonth month, int day, long contactId, long leadId, String amount,
                                 String currency) {
        Instant closed = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        recordStore.apply(memberId, settings, new DealSnapshot(id, closed, closed, LeadSource.NONE, Semantic.SUCCESS,
                contactId, leadId, new BigDecimal(amount), currency, LocalDate.ofInstant(closed, ZoneOffset.UTC),
                null, 1L, null));
        return this;
    }

    /** The month's spend per channel, replacing what the month had. */
    public SeededSalon spend(YearMonth month, Map<String, BigDecimal> amounts) {
        spend.replaceMonths(memberId, Map.of(month, amounts));
        return this;
    }

    public void uninstall() {
        APP.portals().markUninstalled(memberId);
    }

    /** The engine over everything stored, built here without the dashboards' or the export's loading code. */
    public MetricsEngine engine() {
        StoredAggregates all = APP.aggregates().load(memberId, FIRST_MONTH, LAST_MONTH);
        return new MetricsEngine(settings, all.counters(), all.spend(), NOW);
    }

    /** {@link #engine()} with the cohort counters added, as the cohort view loads them. */
    public MetricsEngine engineWithCohorts() {
        StoredAggregates all = APP.aggregates().load(memberId, FIRST_MONTH, LAST_MONTH);
        Map<AggregateKey, Counters> counters = new HashMap<>(all.counters());
        APP.aggregates().cohorts(memberId, FIRST_MONTH, LAST_MONTH)
                .forEach((cell, cohort) -> counters.merge(cell, cohort, Counters::plus));
        return new MetricsEngine(settings, counters, all.spend(), NOW);
    }

    public static MetricsExport metricsExport() {
        return APP.metricsExport();
    }

    public static BiConnector biConnector() {
        return APP.biConnector();
    }

    public static SpendApi spendApi() {
        return APP.spendApi();
    }
}
