package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.store.StoreOutage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Works off the changes queue. The messages of one delivery are grouped by portal and each portal's changed ids
 * merged, so that fifty changed records cost one batch request however many events named them. The portals are
 * then served in turns, 50 records each per turn, up to {@link SyncPace#chunksPerPortal()} turns and never waiting
 * on one portal's rate limit: a portal with a large burst has the rest of its records queued again (a few compact
 * messages) and cannot hold up the others. Backfills, checks for lost deletes and recounts come after the changed
 * records, each for a bounded time.
 * <p>
 * Everything it writes is idempotent, so a message that comes back (or arrives twice) changes nothing more. A
 * failure is reported for the message it belongs to only; a store that cannot be reached fails the whole delivery.
 * Only one worker should call a portal at a time: the deployment limits the sync function's concurrency, and
 * within a worker {@code RateLimits} paces the calls and the REST client backs off when the portal refuses.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** How long a recount that could not settle (its records kept changing) waits before it is tried again. */
    private static final Duration RECOUNT_AGAIN_AFTER = Duration.ofMinutes(1);

    private final SyncStores stores;
    private final RestClients clients;
    private final ChangeQueue queue;
    private final SyncPace pace;
    private final InstantSource clock;
    private final FieldMappings fieldMappings;
    private final Backfill backfill;
    private final LostDeletes lostDeletes;
    private final Recounts recounts;

    public SyncService(SyncStores stores, RestClients clients, ChangeQueue queue, SyncPace pace,
                       InstantSource clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fieldMappings = new FieldMappings(stores.state());
        this.backfill = new Backfill(stores.backfills(), queue, pace, clock);
        this.lostDeletes = new LostDeletes(stores.recordStore().records(), stores.state(), queue, pace, clock);
        this.recounts = new Recounts(stores.state(), stores.settings(), stores.rebuild(), queue, clock);
    }

    /** @return the delivery ids of the changes that failed for now and must come back from the queue */
    public List<String> process(List<QueuedChange> changes) {
        Map<String, List<QueuedChange>> byPortal = new LinkedHashMap<>();
        changes.forEach(change -> byPortal.computeIfAbsent(change.message().memberId(), m -> new ArrayList<>())
                .add(change));
        List<PortalRun> runs = new ArrayList<>();
        byPortal.forEach((memberId, portalChanges) -> {
            PortalRun run = new PortalRun(memberId, portalChanges);
            guarded(run, () -> {
                run.open(stores, clients, fieldMappings);
                return true;
            });
            runs.add(run);
        });
        Instant until = clock.instant().plus(pace.recordWork());
        boolean progress = true;
        while (progress && clock.instant().isBefore(until)) {
            progress = false;
            for (PortalRun run : runs) {
                progress |= guarded(run, () -> run.fetchNextChunk(pace, clock.instant()));
            }
        }
        for (PortalRun run : runs) {
            guarded(run, () -> {
                run.askFirstResponses(pace, clock.instant());
                return true;
            });
        }
        List<String> failed = new ArrayList<>();
        runs.forEach(run -> failed.addAll(run.settle(queue)));
        Instant commandsUntil = clock.instant().plus(pace.recordWork());
        for (PortalRun run : runs) {
            if (!run.broken()) {
                failed.addAll(runCommands(run, commandsUntil));
            }
        }
        return failed;
    }

    /**
     * Runs one step of a portal's run. A failure nobody foresaw (a bug, a record the store refuses outright) ends
     * that portal's run and sends back its messages only; a store that cannot be reached fails the whole delivery.
     */
    private static boolean guarded(PortalRun run, Supplier<Boolean> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            run.breakOff(e);
            return false;
        }
    }

    /**
     * Backfills and checks of ids in the order they came, then a recount when one was asked for (after them, so it
     * also covers an oversized change they met); what the run has no time for comes again.
     */
    private List<String> runCommands(PortalRun run, Instant until) {
        List<String> failed = new ArrayList<>();
        List<QueuedChange> recounts = new ArrayList<>();
        for (QueuedChange command : run.commands()) {
            ChangeMessage message = command.message();
            if (run.dropped() || message.action() == ChangeMessage.Action.PURGE) {
                continue;
            }
            if (message.action() == ChangeMessage.Action.RECOUNT) {
                recounts.add(command);
                continue;
            }
            if (run.unreachable() || run.applier() == null) {
                failed.add(command.deliveryId());
                continue;
            }
            if (!attempt(run, message, () -> scan(run, message, until))) {
                failed.add(command.deliveryId());
            }
        }
        if (!recounts.isEmpty() && clock.instant().isBefore(until)) {
            if (!attempt(run, recounts.getFirst().message(), () -> recount(run.memberId()))) {
                recounts.forEach(command -> failed.add(command.deliveryId()));
            }
        } else if (!recounts.isEmpty() || run.recountNeeded()) {
            queue.send(List.of(ChangeMessage.recount(run.memberId())));
        }
        return failed;
    }

    /** A backfill or a check of ids, unless the run is out of time or the portal's rate limit would hold it up. */
    private void scan(PortalRun run, ChangeMessage message, Instant until) {
        Duration wait = run.applier().client().nextCallWait();
        if (!clock.instant().isBefore(until) || wait.compareTo(pace.deferAbove()) > 0) {
            queue.send(List.of(message), wait);
            return;
        }
        switch (message.action()) {
            case BACKFILL -> {
                if (backfill.run(run.applier(), message)) {
                    run.needsRecount();
                }
            }
            case CHECK_IDS -> lostDeletes.run(run.applier(), message);
            default -> throw new IllegalStateException("not a command: " + message.action());
        }
    }

    /** @return false when the command is to come back from the queue */
    private boolean attempt(PortalRun run, ChangeMessage message, Runnable command) {
        try {
            command.run();
            return true;
        } catch (PortalNeedsReconnect e) {
            stores.portals().markNeedsReconnect(run.memberId());
            LOG.warn("portal {} needs to reconnect: {} dropped", run.memberId(), message.action());
            return true;
        } catch (BitrixException e) {
            LOG.warn("portal {}: {} returns to the queue: {}", run.memberId(), message.action(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.warn("portal {}: {} failed and returns to the queue: {}", run.memberId(), message.action(),
                    e.toString());
            return false;
        }
    }

    /** Runs the recount asked for; one whose records kept changing is tried again a minute later. */
    private void recount(String memberId) {
        if (!recounts.run(memberId)) {
            queue.send(List.of(ChangeMessage.recount(memberId)), RECOUNT_AGAIN_AFTER);
        }
    }
}
