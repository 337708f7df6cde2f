package ru.unitecon.core.adsimport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.ads.CampaignChannels;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.ChannelSpend;
import ru.unitecon.core.ads.ConnectionState;
import ru.unitecon.core.adsapi.TokenSealException;
import ru.unitecon.core.adsapi.AdApiFailure;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AdConnectionStore;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.CampaignSpendStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.sync.RestClients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily import of the connected ad accounts' spend (docs/integrations.md "Ad accounts"): per account the days of
 * its {@link ImportWindow}, converted to the portal's currency, replace that account's stored days; then each month
 * touched gets its month × channel imported spend summed anew from all the portal's campaigns. One account's
 * failure is recorded on it and never stops the others.
 */
public final class AdSpendImport {
    /** The first pass at or after this local time imports the day before. */
    public static final LocalTime IMPORT_AFTER = LocalTime.of(5, 0);
    /** A failed import is tried again at the first pass this long after. */
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(AdSpendImport.class);

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final AlertSettingsStore alertSettings;
    private final AdConnectionStore connections;
    private final CampaignSpendStore days;
    private final SpendStore spend;
    private final AdPlatforms platforms;
    private final PlatformReads reads;
    private final CampaignChannels channels;
    private final RestClients clients;
    private final InstantSource clock;

    public AdSpendImport(InstallationStore portals, SettingsStore settings, AlertSettingsStore alertSettings,
                         AdConnectionStore connections, CampaignSpendStore days, SpendStore spend,
                         AdPlatforms platforms, CampaignChannels channels, RestClients clients, InstantSource clock) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.alertSettings = Objects.requireNonNull(alertSettings, "alertSettings");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.days = Objects.requireNonNull(days, "days");
        this.spend = Objects.requireNonNull(spend, "spend");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.reads = new PlatformReads(platforms);
        this.channels = Objects.requireNonNull(channels, "channels");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One scheduler pass: every installed portal's accounts that are due. */
    public AdImportReport run() {
        int imported = 0;
        int failed = 0;
        int reconnect = 0;
        for (String memberId : portals.activePortals()) {
            boolean installed = portals.find(memberId).map(Installation::status)
                    .filter(status -> status == InstallationStatus.INSTALLED).isPresent();
            if (!installed) {
                continue;
            }
            List<AdConnectionStore.Stored> due;
            PortalSettings portal;
            try {
                portal = settings.load(memberId);
                ZonedDateTime now = clock.instant().atZone(portal.zone());
                due = connections.list(memberId).stream().filter(stored -> isDue(stored.connection(), now)).toList();
            } catch (RuntimeException e) {
                LOG.warn("portal {}: ad accounts not read this pass: {}", memberId, e.getClass().getSimpleName());
                continue;
            }
            for (AdConnectionStore.Stored stored : due) {
                switch (importAccount(memberId, portal, stored)) {
                    case IMPORTED -> imported++;
                    case FAILED -> failed++;
                    case RECONNECT -> {
                        failed++;
                        reconnect++;
                    }
                }
            }
        }
        return new AdImportReport(imported, failed, reconnect);
    }

    /** Imports one account now, whatever its schedule (right after connecting, and in the local run). */
    public Outcome importNow(String memberId, AdAccount account) {
        return connections.find(memberId, account)
                .map(stored -> importAccount(memberId, settings.load(memberId), stored))
                .orElseThrow(() -> new IllegalArgumentException("no connected account " + account));
    }

    /** How one account's import ended. */
    public enum Outcome { IMPORTED, FAILED, RECONNECT }

    private boolean isDue(AdConnection connection, ZonedDateTime now) {
        if (connection.state() != ConnectionState.ACTIVE || !platforms.configured(connection.account().platform())) {
            return false;
        }
        Instant last = connection.lastImportAt();
        boolean importedToday = last != null && !last.atZone(now.getZone()).toLocalDate().isBefore(now.toLocalDate());
        Instant tried = connection.lastAttemptAt();
        boolean triedLately = connection.lastError() != null && tried != null
                && tried.plus(RETRY_AFTER).isAfter(now.toInstant());
        return !importedToday && !triedLately && !now.toLocalTime().isBefore(IMPORT_AFTER);
    }

    private Outcome importAccount(String memberId, PortalSettings portal, AdConnectionStore.Stored stored) {
        AdConnection connection = stored.connection();
        AdAccount account = connection.account();
        Instant now = clock.instant();
        try {
            AdTokens tokens = SealedTokens.open(platforms.sealer(), memberId, account, stored.sealedTokens());
            ImportWindow window = ImportWindow.of(now.atZone(portal.zone()).toLocalDate(),
                    connection.importedThrough());
            PlatformReads.Read read = reads.read(connection, tokens, window, now,
                    renewed -> connections.replaceTokens(memberId, account,
                            SealedTokens.seal(platforms.sealer(), memberId, account, renewed)));
            Map<LocalDate, List<CampaignDaySpend>> byDay = convert(account, read, window, portal);
            days.replaceDays(memberId, account, byDay);
            refreshMonths(memberId, YearMonth.from(window.from()), YearMonth.from(window.to()));
            int rows = byDay.values().stream().mapToInt(List::size).sum();
            connections.recordImport(memberId, account, now, rows, window.to());
            return Outcome.IMPORTED;
        } catch (AdApiFailure e) {
            boolean reconnect = e.kind() == AdApiFailure.Kind.RECONNECT || e.kind() == AdApiFailure.Kind.TOKEN_EXPIRED;
            return failed(memberId, connection, e.getMessage(), reconnect);
        } catch (TokenSealException e) {
            return failed(memberId, connection, "the stored tokens cannot be opened: " + e.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.warn("portal {}: import of {} {} failed", memberId, account.platform(), account.accountId(), e);
            return failed(memberId, connection, "import failed: " + e.getClass().getSimpleName(), false);
        }
    }

    /** Recounts the imported month × channel spend of the months from..to from every stored campaign day. */
    public void refreshMonths(String memberId, YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, BigDecimal>> byMonth = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            byMonth.put(month, Map.of());
        }
        byMonth.putAll(ChannelSpend.sum(days.months(memberId, from, to), channels.of(memberId)));
        spend.replaceImportedMonths(memberId, byMonth);
    }

    private static Map<LocalDate, List<CampaignDaySpend>> convert(AdAccount account, PlatformReads.Read read,
                                                                  ImportWindow window, PortalSettings portal) {
        Map<LocalDate, List<CampaignDaySpend>> byDay = new LinkedHashMap<>();
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            byDay.put(day, new ArrayList<>());
        }
        for (PlatformReads.Row row : read.rows()) {
            if (row.amount().signum() == 0 || !byDay.containsKey(row.day())) {
                continue;
            }
            BigDecimal converted = portal.rates().convert(row.amount(), read.currency(), portal.currency())
                    .orElseThrow(() -> new AdApiFailure(AdApiFailure.Kind.REFUSED, "no rate for the account's "
                            + "currency " + read.currency() + " on the portal"))
                    .setScale(2, RoundingMode.HALF_EVEN);
            byDay.get(row.day()).add(new CampaignDaySpend(account.campaign(row.campaignId()), row.campaignName(),
                    row.day(), converted));
        }
        return byDay;
    }

    private Outcome failed(String memberId, AdConnection connection, String error, boolean reconnect) {
        AdAccount account = connection.account();
        connections.recordFailure(memberId, account, clock.instant(), error, reconnect);
        LOG.warn("portal {}: import of {} {} failed: {}", memberId, account.platform(), account.accountId(), error);
        if (reconnect && connections.claimReconnectNotice(memberId, account, clock.instant())) {
            notifyReconnect(memberId, connection);
        }
        return reconnect ? Outcome.RECONNECT : Outcome.FAILED;
    }

    private void notifyReconnect(String memberId, AdConnection connection) {
        boolean english = alertSettings.load(memberId).english();
        String platform = connection.account().platform() == AdPlatform.YANDEX_DIRECT ? "Yandex Direct" : "VK Ads";
        String message = english
                ? "The " + platform + " account " + connection.account().accountId() + " stopped giving its spend: "
                + "connect it again in the app's Integrations view."
                : "Рекламный кабинет " + platform + " " + connection.account().accountId() + " перестал отдавать "
                + "расходы: подключите его заново в разделе «Интеграции» приложения.";
        try {
            clients.forPortal(memberId).call("im.notify.system.add",
                    Map.of("USER_ID", connection.connectedBy(), "MESSAGE", message));
        } catch (BitrixException e) {
            LOG.warn("portal {}: the reconnect notice was not delivered: {}", memberId, e.getMessage());
        }
    }
}
