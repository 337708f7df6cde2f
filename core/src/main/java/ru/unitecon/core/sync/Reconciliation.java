package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bitrix.tokens.PortalTokens;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduled safety net: portals drop events they could not deliver and never resend them, so every active
 * portal is asked for the leads and deals modified since the last pass, and those are applied like any change.
 * It also keeps idle installations' refresh tokens alive before their 180 days run out.
 */
public final class Reconciliation {
    /** Our clock and the portal's may disagree a little; the ledger ignores what it already has. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** Refresh tokens live 180 days; an installation left alone this long gets a new pair. */
    static final Duration KEEP_ALIVE_AFTER = Duration.ofDays(150);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final DateTimeFormatter BITRIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final PortalStore portals;
    private final SettingsStore settings;
    private final LedgerStore ledger;
    private final PortalClients clients;
    private final TokenRefresher refresher;
    private final InstantSource clock;

    public Reconciliation(PortalStore portals, SettingsStore settings, LedgerStore ledger, PortalClients clients,
                          TokenRefresher refresher, InstantSource clock) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass over every active portal; a portal that fails is logged and tried again next pass. */
    public ReconciliationReport run() {
        int reconciled = 0;
        int failed = 0;
        long records = 0;
        for (String memberId : portals.activePortals()) {
            try {
                Optional<Long> read = reconcile(memberId);
                if (read.isPresent()) {
                    reconciled++;
                    records += read.get();
                }
            } catch (PortalNeedsReconnect e) {
                failed++;
                LOG.warn("portal {} needs to reconnect; reconciliation skipped", memberId);
            } catch (BitrixException e) {
                failed++;
                LOG.warn("portal {}: reconciliation failed: {}", memberId, e.getMessage());
            }
        }
        return new ReconciliationReport(reconciled, failed, records);
    }

    /** @return how many records were read, or empty when the portal is not installed */
    public Optional<Long> reconcile(String memberId) {
        Optional<PortalInstallation> portal = portals.find(memberId);
        if (portal.isEmpty() || portal.get().status() != PortalStatus.INSTALLED) {
            return Optional.empty();
        }
        Instant startedAt = clock.instant();
        keepAlive(memberId, startedAt);
        Instant since = Objects.requireNonNullElse(portal.get().lastReconciledAt(),
                Objects.requireNonNullElse(portal.get().installedAt(), startedAt)).minus(OVERLAP);
        BitrixRestClient client = clients.forPortal(memberId);
        PortalLedger portalLedger = PortalLedger.open(memberId, settings.load(memberId), ledger, client);
        AtomicLong read = new AtomicLong();
        for (CrmEntity entity : CrmEntity.values()) {
            read.addAndGet(client.listAll(entity.listMethod(),
                    Map.of(">DATE_MODIFY", BITRIX_TIME.format(since.atOffset(ZoneOffset.UTC))),
                    portalLedger.select(entity),
                    page -> page.forEach(record -> portalLedger.apply(entity, record))));
        }
        portals.recordReconciledUpTo(memberId, startedAt);
        return Optional.of(read.get());
    }

    /**
     * Each refresh issues an access token for an hour, so the stored access token's expiry tells when the pair
     * was last refreshed.
     */
    private void keepAlive(String memberId, Instant now) {
        Optional<PortalTokens> tokens = portals.load(memberId);
        if (tokens.isPresent()
                && tokens.get().accessExpiresAt().minus(ACCESS_TOKEN_LIFETIME).isBefore(now.minus(KEEP_ALIVE_AFTER))) {
            refresher.afterExpired(memberId, tokens.get().accessToken());
            LOG.info("portal {}: idle tokens refreshed to keep the installation connected", memberId);
        }
    }
}
