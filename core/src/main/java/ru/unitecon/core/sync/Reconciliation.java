package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.SyncStateStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduled safety net: portals drop events they could not deliver and never resend them, so every active
 * portal is asked for the leads and deals modified since the last pass, and those are applied like any change; and
 * for the activities on leads created since then, whose leads may have had their first response
 * ({@link FirstResponses#fromNewActivities}). Once
 * a day per portal it also queues a comparison of the portal's ids with the stored ones, which finds deletes whose
 * event was lost ({@link LostDeletes}), and it queues again a recount that an oversized change asked for and that
 * has not run. It also keeps idle installations' refresh tokens alive before their 180 days run out.
 */
public final class Reconciliation {
    /** Our clock and the portal's may disagree a little; the bookkeeping ignores what it already has. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** Refresh tokens live 180 days; an installation left alone this long gets a new pair. */
    static final Duration KEEP_ALIVE_AFTER = Duration.ofDays(150);
    /** How often a portal's ids are compared with the stored ones; the first time a day after the install. */
    static final Duration ID_CHECK_EVERY = Duration.ofDays(1);
    /** A comparison queued this long ago that has not finished is queued again. */
    static final Duration ID_CHECK_RETRY = Duration.ofHours(6);
    /** A recount asked for this long ago that has not run is queued again. */
    static final Duration RECOUNT_OVERDUE = Duration.ofMinutes(10);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final DateTimeFormatter BITRIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final SyncStores stores;
    private final RestClients clients;
    private final TokenRefresher refresher;
    private final ChangeQueue queue;
    private final InstantSource clock;
    private final FieldMappings fieldMappings;

    public Reconciliation(SyncStores stores, RestClients clients, TokenRefresher refresher, ChangeQueue queue,
                          InstantSource clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fieldMappings = new FieldMappings(stores.state());
    }

    /** One pass over every active portal; a portal that fails is logged and tried again next pass. */
    public ReconciliationReport run() {
        int reconciled = 0;
        int failed = 0;
        long records = 0;
        for (String memberId : stores.portals().activePortals()) {
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
        Optional<Installation> portal = stores.portals().find(memberId);
        if (portal.isEmpty() || portal.get().status() != InstallationStatus.INSTALLED) {
            return Optional.empty();
        }
        Instant startedAt = clock.instant();
        keepAlive(memberId, startedAt);
        SyncStateStore.State state = stores.state().load(memberId);
        queueOverdueWork(portal.get(), state, startedAt);
        Instant since = Objects.requireNonNullElse(portal.get().lastReconciledAt(),
                Objects.requireNonNullElse(portal.get().installedAt(), startedAt)).minus(OVERLAP);
        BitrixRestClient client = clients.forPortal(memberId);
        PortalSettings settings = stores.settings().load(memberId);
        AppointmentFields named = settings.appointmentFields();
        Optional<Map<CrmEntity, AppointmentFieldMapping>> cached = FieldMappings.cached(named, state);
        RecordApplier recordApplier = new RecordApplier(memberId, settings, stores.recordStore(), client,
                cached.orElseGet(() -> fieldMappings.reread(memberId, named, client)), cached.isEmpty(),
                () -> fieldMappings.reread(memberId, named, client));
        AtomicLong read = new AtomicLong();
        AtomicBoolean recount = new AtomicBoolean();
        for (CrmEntity entity : CrmEntity.values()) {
            read.addAndGet(recordApplier.reads().listAll(entity.listMethod(),
                    Map.of(">DATE_MODIFY", BITRIX_TIME.format(since.atOffset(ZoneOffset.UTC))),
                    recordApplier.select(entity),
                    page -> {
                        if (recordApplier.apply(entity, List.of(page)).recountNeeded()) {
                            recount.set(true);
                        }
                    }));
        }
        try {
            read.addAndGet(FirstResponses.fromNewActivities(memberId, settings, stores.recordStore(), client,
                    recordApplier.reads(), BITRIX_TIME.format(since.atOffset(ZoneOffset.UTC)), startedAt));
        } catch (PortalNeedsReconnect e) {
            throw e;
        } catch (BitrixException e) {
            // The leads and deals are reconciled: a portal that refuses or fails the activities loses only the
            // first responses of calls alone in this interval, not the pass.
            LOG.warn("portal {}: activities not read this pass: {}", memberId, e.getMessage());
        }
        if (recount.get()) {
            queue.send(List.of(ChangeMessage.recount(memberId)));
        }
        stores.portals().recordReconciledUpTo(memberId, startedAt);
        return Optional.of(read.get());
    }

    /** A daily comparison of ids once the portal has been installed a day, and a recount that did not run. */
    private void queueOverdueWork(Installation portal, SyncStateStore.State state, Instant now) {
        String memberId = portal.memberId();
        boolean installedADayAgo = portal.installedAt() == null
                || !portal.installedAt().plus(ID_CHECK_EVERY).isAfter(now);
        if (installedADayAgo && stores.state().claimIdCheck(memberId, now, ID_CHECK_EVERY, ID_CHECK_RETRY)) {
            queue.send(List.of(ChangeMessage.checkIds(memberId, CrmEntity.LEAD, 0, now)));
        }
        if (state.recountRequestedAt() != null && !state.recountRequestedAt().plus(RECOUNT_OVERDUE).isAfter(now)) {
            queue.send(List.of(ChangeMessage.recount(memberId)));
        }
    }

    /**
     * Each refresh issues an access token for an hour, so the stored access token's expiry tells when the pair
     * was last refreshed.
     */
    private void keepAlive(String memberId, Instant now) {
        Optional<InstallationTokens> tokens = stores.portals().load(memberId);
        if (tokens.isPresent()
                && tokens.get().accessExpiresAt().minus(ACCESS_TOKEN_LIFETIME).isBefore(now.minus(KEEP_ALIVE_AFTER))) {
            refresher.afterExpired(memberId, tokens.get().accessToken());
            LOG.info("portal {}: idle tokens refreshed to keep the installation connected", memberId);
        }
    }
}
