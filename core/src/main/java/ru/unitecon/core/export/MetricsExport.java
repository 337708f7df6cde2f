package ru.unitecon.core.export;

import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.campaigns.Campaigns;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.StoredAggregates;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The BI export: a portal's monthly metrics per channel, the same numbers as the dashboards (one
 * {@link MetricsEngine} over the same aggregates), or per advertising campaign as the campaigns view computes them,
 * for whoever holds the portal's BI export secret.
 */
public final class MetricsExport {
    /** The default range: the twelve months ending with the current one. */
    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 36;
    /** Months read before the first exported one: the LTV formula looks back twelve months and one more. */
    private static final int LOOKBACK_MONTHS = 13;

    private final SecretStore secrets;
    private final InstallationStore portals;
    private final SettingsStore settings;
    private final AggregateReader aggregates;
    private final Campaigns campaigns;
    private final Clock clock;

    public MetricsExport(SecretStore secrets, InstallationStore portals, SettingsStore settings,
                         AggregateReader aggregates, Campaigns campaigns, Clock clock) {
        this.secrets = secrets;
        this.portals = portals;
        this.settings = settings;
        this.aggregates = aggregates;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * The table the request's level names: {@link #read} for channels, {@link #readCampaigns} for campaigns,
     * {@link #readResponseHours} for the response speed by hour.
     */
    public Optional<? extends ExportTable<?>> export(ExportRequest request) {
        return switch (request.level()) {
            case CHANNEL -> read(request);
            case CAMPAIGN -> readCampaigns(request);
            case HOUR -> readResponseHours(request);
        };
    }

    /** The response speed by hour, or empty as {@link #read} is. */
    public Optional<ResponseHourTable> readResponseHours(ExportRequest request) {
        return readAdmitted(request, this::responseHourTable);
    }

    /** The response speed by hour of the months {@code choose} picks, from those months' aggregates only. */
    Optional<ResponseHourTable> responseHourTable(String memberId, Function<YearMonth, Optional<Period>> choose) {
        PortalSettings portalSettings = settings.load(memberId);
        return choose.apply(YearMonth.now(clock.withZone(portalSettings.zone()))).map(period ->
                ResponseHourTable.of(new ResponseSpeed(aggregates.load(memberId, period.from(), period.to())
                        .counters()), period, portalSettings.currency()));
    }

    /** The campaigns' table, or empty as {@link #read} is. */
    public Optional<CampaignTable> readCampaigns(ExportRequest request) {
        return readAdmitted(request, this::campaignTable);
    }

    /** The campaigns' table of the months {@code choose} picks, as {@link #table} is the channels'. */
    Optional<CampaignTable> campaignTable(String memberId, Function<YearMonth, Optional<Period>> choose) {
        PortalSettings portalSettings = settings.load(memberId);
        return choose.apply(YearMonth.now(clock.withZone(portalSettings.zone()))).map(period ->
                CampaignTable.of(campaigns.byMonth(memberId, period), period, portalSettings.currency()));
    }

    /**
     * The table, or empty when the secret is not the portal's current one (or the portal is not installed): an
     * unknown portal and a wrong secret look the same.
     */
    public Optional<MetricsTable> read(ExportRequest request) {
        return readAdmitted(request, this::table);
    }

    /** The table of the request's months (the last {@value #DEFAULT_MONTHS} by default) once its secret admits it. */
    private <T> Optional<T> readAdmitted(ExportRequest request,
                                         BiFunction<String, Function<YearMonth, Optional<Period>>, Optional<T>> table) {
        if (!admits(request.memberId(), SecretKind.BI_EXPORT, request.secret())) {
            return Optional.empty();
        }
        return table.apply(request.memberId(), current ->
                Optional.of(request.period().orElseGet(() -> Period.endingWith(current, DEFAULT_MONTHS))));
    }

    /**
     * Whether the secret is the portal's current one of this kind and the portal is installed: an unknown portal, an
     * uninstalled one and a wrong secret all give the same {@code false}.
     */
    boolean admits(String memberId, SecretKind kind, String secret) {
        return secrets.verify(memberId, kind, secret)
                && portals.find(memberId).filter(p -> p.status() != InstallationStatus.UNINSTALLED).isPresent();
    }

    /**
     * The table of the months {@code choose} picks given the current month in the portal's zone, empty when it picks
     * none; whoever calls has checked the caller's secret with {@link #admits}.
     */
    Optional<MetricsTable> table(String memberId, Function<YearMonth, Optional<Period>> choose) {
        PortalSettings portalSettings = settings.load(memberId);
        Optional<Period> chosen = choose.apply(YearMonth.now(clock.withZone(portalSettings.zone())));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Period period = chosen.get();
        StoredAggregates loaded = aggregates.load(memberId, period.from().minusMonths(LOOKBACK_MONTHS), period.to());
        MetricsEngine engine = new MetricsEngine(portalSettings, loaded.counters(), loaded.spend(), clock.instant());
        // Lost clients are those acquired by a month less the active ones, so retention reads every month before.
        RetentionEngine retention = new RetentionEngine(portalSettings,
                aggregates.cohortsUpTo(memberId, period.to()));
        return Optional.of(MetricsTable.of(engine, retention, new ResponseSpeed(loaded.counters()), period,
                portalSettings.currency()));
    }
}
