package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * within a worker {@code PortalRateLimits} paces the calls and the REST client backs off when the portal refuses.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** How long a recount that could not settle (its records kept changing) waits before it is tried again. */
    private static final Duration RECOUNT_AGAIN_AFTER = Duration.ofMinutes(1);

    private final SyncStores stores;
    private final PortalClients clients;
    private final ChangeQueue queue;
    private final SyncPace pace;
    private final InstantSource clock;
    private final FieldMappings fieldMappings;
    private final Backfill backfill;
    private final LostDeletes lostDeletes;

    public SyncService(SyncStores stores, PortalClients clients, ChangeQueue queue, SyncPace pace,
                       InstantSource clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fieldMappings = new FieldMappings(stores.state());
        this.backfill = new Backfill(stores.backfills(), queue, pace, clock);
        this.lostDeletes = new LostDeletes(stores.ledger().records(), stores.state(), queue, pace, clock);
    }

    /** @return the delivery ids of the changes that failed for now and must come back from the queue */
    public List<String> process(List<QueuedChange> changes) {
        Map<String, List<QueuedChange>> byPortal = new LinkedHashMap<>();
        changes.forEach(change -> byPortal.computeIfAbsent(change.message().memberId(), m -> new ArrayList<>())
                .add(change));
        List<PortalRun> runs = new ArrayList<>();
        byPortal.forEach((memberId, portalChanges) -> {
            PortalRun run = new PortalRun(memberId, portalChanges);
            run.open(stores, clients, fieldMappings);
            runs.add(run);
        });
        Instant until = clock.instant().plus(pace.recordWork());
        boolean progress = true;
        while (progress && clock.instant().isBefore(until)) {
            progress = false;
            for (PortalRun run : runs) {
                progress |= run.fetchNextChunk(pace, clock.instant());
            }
        }
        List<String> failed = new ArrayList<>();
        runs.forEach(run -> failed.addAll(run.settle(queue)));
        Instant commandsUntil = clock.instant().plus(pace.recordWork());
        for (PortalRun run : runs) {
            failed.addAll(runCommands(run, commandsUntil));
        }
        return failed;
    }

    /** Backfills, checks of ids and recounts, in the order they came; what the run has no time for comes again. */
    private List<String> runCommands(PortalRun run, Instant until) {
        List<String> failed = new ArrayList<>();
        boolean recounted = false;
        for (QueuedChange command : run.commands()) {
            ChangeMessage message = command.message();
            if (run.dropped() || message.action() == ChangeMessage.Action.PURGE) {
                continue;
            }
            if (message.action() == ChangeMessage.Action.RECOUNT) {
                recount(run.memberId());
                recounted = true;
                continue;
            }
            if (run.unreachable() || run.ledger() == null) {
                failed.add(command.deliveryId());
                continue;
            }
            try {
                Duration wait = run.ledger().client().nextCallWait();
                if (!clock.instant().isBefore(until) || wait.compareTo(pace.deferAbove()) > 0) {
                    queue.send(List.of(message), wait);
                    continue;
                }
                switch (message.action()) {
                    case BACKFILL -> {
                        if (backfill.run(run.ledger(), message)) {
                            run.needsRecount();
                        }
                    }
                    case CHECK_IDS -> lostDeletes.run(run.ledger(), message);
                    default -> throw new IllegalStateException("not a command: " + message.action());
                }
            } catch (PortalNeedsReconnect e) {
                stores.portals().markNeedsReconnect(run.memberId());
                LOG.warn("portal {} needs to reconnect: {} dropped", run.memberId(), message.action());
            } catch (BitrixException e) {
                LOG.warn("portal {}: {} returns to the queue: {}", run.memberId(), message.action(), e.getMessage());
                failed.add(command.deliveryId());
            }
        }
        if (run.recountNeeded() && !recounted) {
            queue.send(List.of(ChangeMessage.recount(run.memberId())));
        }
        return failed;
    }

    /**
     * Sets the portal's aggregates to what its records add up to, after an oversized change left them behind; the
     * mark is cleared unless another oversized change came meanwhile (its own recount is queued).
     */
    private void recount(String memberId) {
        Instant started = clock.instant();
        if (stores.state().load(memberId).recountRequestedAt() == null) {
            return;
        }
        if (stores.rebuild().rebuild(memberId, stores.settings().load(memberId))) {
            stores.state().recountDone(memberId, started);
            LOG.info("portal {}: aggregates recounted from the records", memberId);
        } else {
            queue.send(List.of(ChangeMessage.recount(memberId)), RECOUNT_AGAIN_AFTER);
        }
    }
}
