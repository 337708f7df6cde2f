package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.RateLimited;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.SyncStateStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One portal's share of a sync run. The records its messages name are merged (a lead changed five times is fetched
 * once) and fetched 50 at a time as the run comes round to the portal; what the run does not get to is queued
 * again. A delivery succeeds when its records were applied or queued again, and fails, alone, when a record of its
 * own failed; a delivery that also named records that went through has its failed records queued again on their
 * own, so a record that keeps failing ends up alone in its message and only that message reaches the dead letters.
 */
final class PortalRun {
    /** Ids per carried-over message; a message of 2 000 ids stays far below SQS's 256 KiB. */
    static final int IDS_PER_MESSAGE = 2_000;
    /** The least time before records that failed are tried again. */
    private static final Duration RETRY_FAILED_AFTER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PortalRun.class);

    private record Ref(CrmEntity entity, long id) {
    }

    private final String memberId;
    private final Map<String, Set<Ref>> recordDeliveries = new LinkedHashMap<>();
    private final List<QueuedChange> commands = new ArrayList<>();
    private final Map<CrmEntity, LinkedHashSet<Long>> toFetch = new EnumMap<>(CrmEntity.class);
    private final Map<Ref, Instant> toDelete = new LinkedHashMap<>();
    private final Set<Ref> failed = new HashSet<>();
    private boolean purge;
    private boolean dropped;
    private boolean unreachable;
    private boolean broken;
    private RecordApplier applier;
    private BitrixRestClient client;
    private int chunks;
    private boolean stopped;
    private Duration carryDelay = Duration.ZERO;
    private Duration retryDelay = RETRY_FAILED_AFTER;
    private boolean recountNeeded;
    private InstallationStore portals;
    private RecordStore recordStore;
    private final List<Long> fetchedLeads = new ArrayList<>();

    PortalRun(String memberId, List<QueuedChange> changes) {
        this.memberId = memberId;
        for (QueuedChange change : changes) {
            ChangeMessage message = change.message();
            switch (message.action()) {
                case UPSERT, PENDING -> {
                    Set<Ref> refs = recordDeliveries.computeIfAbsent(change.deliveryId(), d -> new LinkedHashSet<>());
                    for (Long id : message.changedIds()) {
                        refs.add(new Ref(message.entity(), id));
                        toFetch.computeIfAbsent(message.entity(), e -> new LinkedHashSet<>()).add(id);
                    }
                }
                case DELETE -> {
                    Ref ref = new Ref(message.entity(), message.id());
                    recordDeliveries.computeIfAbsent(change.deliveryId(), d -> new LinkedHashSet<>()).add(ref);
                    toDelete.merge(ref, message.at(), (a, b) -> a.isAfter(b) ? a : b);
                }
                case PURGE -> {
                    purge = true;
                    commands.add(change);
                }
                case BACKFILL, CHECK_IDS, RECOUNT -> commands.add(change);
            }
        }
        toDelete.keySet().forEach(ref -> Optional.ofNullable(toFetch.get(ref.entity())).ifPresent(ids ->
                ids.remove(ref.id())));
    }

    String memberId() {
        return memberId;
    }

    List<QueuedChange> commands() {
        return commands;
    }

    /** The portal's record applier, or null when the run has nothing to do on the portal (or cannot reach it). */
    RecordApplier applier() {
        return applier;
    }

    /** Uninstalled, purged or waiting for a reconnect: its messages are done with, nothing is to run. */
    boolean dropped() {
        return dropped;
    }

    /** The portal could not be reached to start: its commands must come back too. */
    boolean unreachable() {
        return unreachable;
    }

    boolean recountNeeded() {
        return recountNeeded;
    }

    /** Something unforeseen failed for this portal: all its messages come back, and no other portal's. */
    boolean broken() {
        return broken;
    }

    void breakOff(RuntimeException failure) {
        LOG.warn("portal {}: its run failed, its messages come back from the queue: {}", memberId,
                failure.toString());
        broken = true;
        stopped = true;
    }

    void needsRecount() {
        recountNeeded = true;
    }

    /**
     * Purges or drops what an uninstalled portal was sent, applies deletions (they need no call to the portal), and
     * opens the portal's record applier with its cached field mapping when anything else is to be done.
     */
    void open(SyncStores stores, RestClients clients, FieldMappings fieldMappings) {
        portals = stores.portals();
        recordStore = stores.recordStore();
        Optional<Installation> portal = portals.find(memberId);
        if (purge) {
            purge(stores, portal);
            dropped = true;
            return;
        }
        if (portal.isEmpty() || portal.get().status() != InstallationStatus.INSTALLED) {
            LOG.info("portal {} is {}: its changes are dropped", memberId,
                    portal.map(p -> p.status().name()).orElse("unknown"));
            dropped = true;
            return;
        }
        PortalSettings settings = stores.settings().load(memberId);
        toDelete.forEach((ref, at) -> RecordApplier.delete(stores.recordStore(), memberId, settings, ref.entity(), ref.id(), at)
                .failed().forEach(id -> failed.add(new Ref(ref.entity(), id))));
        if (toFetch.values().stream().allMatch(Set::isEmpty) && commands.isEmpty()) {
            return;
        }
        try {
            client = clients.forPortal(memberId);
            SyncStateStore.State state = stores.state().load(memberId);
            var named = settings.appointmentFields();
            Optional<Map<CrmEntity, AppointmentFieldMapping>> cached = FieldMappings.cached(named, state);
            Map<CrmEntity, AppointmentFieldMapping> mappings = cached.isPresent() ? cached.get()
                    : fieldMappings.reread(memberId, named, client);
            applier = new RecordApplier(memberId, settings, stores.recordStore(), client, mappings, cached.isEmpty(),
                    () -> fieldMappings.reread(memberId, named, client));
        } catch (PortalNeedsReconnect e) {
            stores.portals().markNeedsReconnect(memberId);
            LOG.warn("portal {} needs to reconnect: its changes are dropped", memberId);
            dropped = true;
        } catch (BitrixException e) {
            LOG.warn("portal {}: {}; its changes return to the queue", memberId, e.getMessage());
            toFetch.forEach((entity, ids) -> ids.forEach(id -> failed.add(new Ref(entity, id))));
            toFetch.clear();
            unreachable = true;
        }
    }

    /**
     * Fetches and applies the portal's next 50 changed records, unless its share of the run is used, its rate limit
     * would hold the run up, or there is nothing left.
     *
     * @return whether it did
     */
    boolean fetchNextChunk(SyncPace pace, Instant now) {
        if (applier == null || stopped) {
            return false;
        }
        Optional<Map.Entry<CrmEntity, LinkedHashSet<Long>>> next = toFetch.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).findFirst();
        if (next.isEmpty() || chunks >= pace.chunksPerPortal()) {
            return false;
        }
        Duration wait = client.nextCallWait();
        if (wait.compareTo(pace.deferAbove()) > 0) {
            carryDelay = wait;
            stopped = true;
            return false;
        }
        CrmEntity entity = next.get().getKey();
        List<Long> chunk = new ArrayList<>();
        Iterator<Long> ids = next.get().getValue().iterator();
        while (ids.hasNext() && chunk.size() < BitrixRestClient.BATCH_LIMIT) {
            chunk.add(ids.next());
            ids.remove();
        }
        chunks++;
        try {
            RecordApplier.Applied applied = applier.fetchAndApply(entity, chunk, now);
            applied.failed().forEach(id -> failed.add(new Ref(entity, id)));
            recountNeeded |= applied.recountNeeded();
            if (entity == CrmEntity.LEAD) {
                chunk.stream().filter(id -> !applied.failed().contains(id)).forEach(fetchedLeads::add);
            }
        } catch (PortalNeedsReconnect e) {
            portals.markNeedsReconnect(memberId);
            LOG.warn("portal {} needs to reconnect: its changes are dropped", memberId);
            dropped = true;
            stopped = true;
            return false;
        } catch (RateLimited e) {
            giveUpOn(entity, chunk, e.getMessage(), e.retryAfter());
        } catch (BitrixException e) {
            giveUpOn(entity, chunk, e.getMessage(), RETRY_FAILED_AFTER);
        }
        return true;
    }

    /**
     * Asks when the leads this run fetched were first answered ({@link FirstResponses}): one batch request, unless
     * the run stopped for the portal or its rate limit would hold the run up. A refusal loses nothing: the leads are
     * asked again when they next change.
     */
    void askFirstResponses(SyncPace pace, Instant now) {
        if (applier == null || stopped || fetchedLeads.isEmpty()
                || client.nextCallWait().compareTo(pace.deferAbove()) > 0) {
            return;
        }
        try {
            FirstResponses.ask(memberId, applier.settings(), recordStore, client, fetchedLeads, now);
        } catch (BitrixException e) {
            LOG.warn("portal {}: first responses not read this run: {}", memberId, e.getMessage());
        }
    }

    /** The chunk failed; the records not tried yet wait in the queue until the portal may answer again. */
    private void giveUpOn(CrmEntity entity, List<Long> chunk, String reason, Duration retryAfter) {
        LOG.warn("portal {}: {}; {} records return to the queue", memberId, reason, chunk.size());
        chunk.forEach(id -> failed.add(new Ref(entity, id)));
        stopped = true;
        carryDelay = retryAfter;
        retryDelay = retryAfter.compareTo(RETRY_FAILED_AFTER) > 0 ? retryAfter : RETRY_FAILED_AFTER;
    }

    /**
     * Settles the run's record deliveries: queues again what it did not get to and the failed records of
     * deliveries that partly went through.
     *
     * @return the deliveries that failed and must come back from the queue
     */
    List<String> settle(ChangeQueue queue) {
        if (dropped) {
            return List.of();
        }
        if (broken) {
            List<String> all = new ArrayList<>(recordDeliveries.keySet());
            commands.forEach(command -> all.add(command.deliveryId()));
            return all;
        }
        List<String> failedDeliveries = new ArrayList<>();
        Map<CrmEntity, List<Long>> remaining = new EnumMap<>(CrmEntity.class);
        toFetch.forEach((entity, ids) -> {
            if (!ids.isEmpty()) {
                remaining.put(entity, List.copyOf(ids));
            }
        });
        boolean carried = carry(queue, remaining, carryDelay);
        recordDeliveries.forEach((delivery, refs) -> {
            Set<Ref> bad = new LinkedHashSet<>(refs);
            bad.retainAll(failed);
            boolean waiting = refs.stream().anyMatch(ref -> remaining.getOrDefault(ref.entity(), List.of())
                    .contains(ref.id()));
            if (bad.size() == refs.size() || waiting && !carried) {
                failedDeliveries.add(delivery);
            } else if (!bad.isEmpty()) {
                Map<CrmEntity, List<Long>> own = new EnumMap<>(CrmEntity.class);
                bad.forEach(ref -> own.computeIfAbsent(ref.entity(), e -> new ArrayList<>()).add(ref.id()));
                if (!carry(queue, own, retryDelay)) {
                    failedDeliveries.add(delivery);
                }
            }
        });
        return failedDeliveries;
    }

    /** Queues ids as PENDING messages; false when the queue refused them. */
    private boolean carry(ChangeQueue queue, Map<CrmEntity, List<Long>> ids, Duration delay) {
        List<ChangeMessage> messages = new ArrayList<>();
        ids.forEach((entity, list) -> {
            for (int from = 0; from < list.size(); from += IDS_PER_MESSAGE) {
                messages.add(ChangeMessage.pending(memberId, entity,
                        list.subList(from, Math.min(from + IDS_PER_MESSAGE, list.size()))));
            }
        });
        if (messages.isEmpty()) {
            return true;
        }
        try {
            queue.send(messages, delay.compareTo(ChangeQueue.MAX_DELAY) > 0 ? ChangeQueue.MAX_DELAY : delay);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("portal {}: {} changed records could not be queued again: {}", memberId,
                    ids.values().stream().mapToInt(List::size).sum(), e.toString());
            return false;
        }
    }

    private void purge(SyncStores stores, Optional<Installation> portal) {
        if (portal.isPresent() && portal.get().status() == InstallationStatus.UNINSTALLED) {
            int items = stores.portals().purge(memberId);
            LOG.info("portal {} purged: {} items deleted", memberId, items);
        } else {
            LOG.info("portal {}: purge dropped, the portal is {}", memberId,
                    portal.map(p -> p.status().name()).orElse("already gone"));
        }
    }
}
