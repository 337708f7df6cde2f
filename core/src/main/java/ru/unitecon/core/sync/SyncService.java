package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.PortalUnavailable;
import ru.unitecon.core.bitrix.rest.RateLimited;
import ru.unitecon.core.bitrix.rest.ScanPage;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Works off the changes queue, portal by portal: re-reads changed leads and deals in batches of 50, applies
 * deletions, pages through backfills a bounded number of pages at a time, and purges uninstalled portals.
 * Everything it writes is idempotent, so a message that comes back (or arrives twice) changes nothing more.
 * <p>
 * Only one worker should call a portal at a time: the deployment limits the sync function's concurrency (a
 * standard queue, since FIFO queues cap a Lambda batch at 10 messages and cost a request per 10 changes);
 * within a worker, {@code PortalRateLimits} paces the calls and the REST client backs off when the portal refuses.
 */
public final class SyncService {
    public static final int DEFAULT_BACKFILL_PAGES_PER_RUN = 40;

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final PortalStore portals;
    private final SettingsStore settings;
    private final LedgerStore ledger;
    private final PortalClients clients;
    private final ChangeQueue queue;
    private final int backfillPagesPerRun;

    public SyncService(PortalStore portals, SettingsStore settings, LedgerStore ledger, PortalClients clients,
                       ChangeQueue queue, int backfillPagesPerRun) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.queue = Objects.requireNonNull(queue, "queue");
        if (backfillPagesPerRun < 1) {
            throw new IllegalArgumentException("a backfill run reads at least one page");
        }
        this.backfillPagesPerRun = backfillPagesPerRun;
    }

    /** @return the delivery ids of the changes that failed for now and must come back from the queue */
    public List<String> process(List<QueuedChange> changes) {
        Map<String, List<QueuedChange>> byPortal = new LinkedHashMap<>();
        changes.forEach(change -> byPortal.computeIfAbsent(change.message().memberId(), m -> new ArrayList<>())
                .add(change));
        List<String> failed = new ArrayList<>();
        byPortal.forEach((memberId, portalChanges) -> failed.addAll(processPortal(memberId, portalChanges)));
        return failed;
    }

    private List<String> processPortal(String memberId, List<QueuedChange> changes) {
        Optional<PortalInstallation> portal = portals.find(memberId);
        if (changes.stream().anyMatch(c -> c.message().action() == ChangeMessage.Action.PURGE)) {
            purge(memberId, portal);
            return List.of();
        }
        if (portal.isEmpty() || portal.get().status() != PortalStatus.INSTALLED) {
            LOG.info("portal {} is {}: {} changes dropped", memberId,
                    portal.map(p -> p.status().name()).orElse("unknown"), changes.size());
            return List.of();
        }
        List<QueuedChange> recordChanges = changes.stream()
                .filter(c -> c.message().action() != ChangeMessage.Action.BACKFILL).toList();
        List<QueuedChange> backfills = changes.stream()
                .filter(c -> c.message().action() == ChangeMessage.Action.BACKFILL).toList();
        List<String> failed = new ArrayList<>();
        try {
            BitrixRestClient client = clients.forPortal(memberId);
            PortalLedger portalLedger = PortalLedger.open(memberId, settings.load(memberId), ledger, client);
            failed.addAll(attempt(memberId, recordChanges, () -> applyChanges(client, portalLedger, recordChanges)));
            for (QueuedChange backfill : backfills) {
                failed.addAll(attempt(memberId, List.of(backfill),
                        () -> backfill(client, portalLedger, backfill.message())));
            }
        } catch (PortalNeedsReconnect e) {
            portals.markNeedsReconnect(memberId);
            LOG.warn("portal {} needs to reconnect: {} changes dropped", memberId, changes.size());
            return List.of();
        } catch (RateLimited | PortalUnavailable | BitrixApiError e) {
            LOG.warn("portal {}: {}; {} changes return to the queue", memberId, e.getMessage(), changes.size());
            return ids(changes);
        }
        return failed;
    }

    /** Runs one step; a portal that is busy or down sends the step's changes back to the queue. */
    private static List<String> attempt(String memberId, List<QueuedChange> changes, Runnable step) {
        if (changes.isEmpty()) {
            return List.of();
        }
        try {
            step.run();
            return List.of();
        } catch (RateLimited | PortalUnavailable | BitrixApiError e) {
            LOG.warn("portal {}: {}; {} changes return to the queue", memberId, e.getMessage(), changes.size());
            return ids(changes);
        }
    }

    private void applyChanges(BitrixRestClient client, PortalLedger portalLedger, List<QueuedChange> changes) {
        Map<CrmEntity, Map<Long, Instant>> upserts = new EnumMap<>(CrmEntity.class);
        Map<CrmEntity, Map<Long, Instant>> deletes = new EnumMap<>(CrmEntity.class);
        for (QueuedChange change : changes) {
            ChangeMessage message = change.message();
            var target = message.action() == ChangeMessage.Action.DELETE ? deletes : upserts;
            target.computeIfAbsent(message.entity(), e -> new LinkedHashMap<>())
                    .merge(message.id(), message.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (CrmEntity entity : CrmEntity.values()) {
            Map<Long, Instant> deleted = deletes.getOrDefault(entity, Map.of());
            deleted.forEach((id, at) -> portalLedger.delete(entity, id, at));
            Map<Long, Instant> changed = new LinkedHashMap<>(upserts.getOrDefault(entity, Map.of()));
            changed.keySet().removeAll(deleted.keySet());
            if (changed.isEmpty()) {
                continue;
            }
            portalLedger.fetchAndApply(client, entity, changed);
        }
    }

    private void backfill(BitrixRestClient client, PortalLedger portalLedger, ChangeMessage message) {
        CrmEntity entity = message.entity();
        long cursor = message.afterId();
        for (int pages = 1; ; pages++) {
            ScanPage page = client.scanPage(entity.listMethod(), Map.of(), portalLedger.select(entity), cursor);
            page.records().forEach(record -> portalLedger.apply(entity, record));
            if (page.last()) {
                LOG.info("portal {}: {} backfill done", message.memberId(), entity);
                return;
            }
            cursor = page.lastId();
            if (pages >= backfillPagesPerRun) {
                queue.send(List.of(ChangeMessage.backfill(message.memberId(), entity, cursor)));
                return;
            }
        }
    }

    private void purge(String memberId, Optional<PortalInstallation> portal) {
        if (portal.isPresent() && portal.get().status() == PortalStatus.UNINSTALLED) {
            int items = portals.purge(memberId);
            LOG.info("portal {} purged: {} items deleted", memberId, items);
        } else {
            LOG.info("portal {}: purge dropped, the portal is {}", memberId,
                    portal.map(p -> p.status().name()).orElse("already gone"));
        }
    }

    private static List<String> ids(List<QueuedChange> changes) {
        return changes.stream().map(QueuedChange::deliveryId).toList();
    }
}
