package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SyncStateStore;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recounts of a portal's aggregates from its stored records, as a queued job: the portal is marked in its
 * {@code SYNC} item and a {@code RECOUNT} message queued; the sync function runs it ({@link #run}, one worker per
 * portal, after that portal's changes) and clears the mark. Should the message be lost, the scheduler queues the
 * recount again once the mark is overdue ({@link Reconciliation}). Settings that change how records count ask for
 * one, and so does a change too large for one transaction.
 */
public final class Recounts {
    private static final Logger LOG = LoggerFactory.getLogger(Recounts.class);

    private final SyncStateStore state;
    private final SettingsStore settings;
    private final RecordsRecount rebuild;
    private final ChangeQueue queue;
    private final InstantSource clock;

    public Recounts(SyncStateStore state, SettingsStore settings, RecordsRecount rebuild, ChangeQueue queue,
                    InstantSource clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rebuild = Objects.requireNonNull(rebuild, "rebuild");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Asks for a recount with the settings stored when it runs (a later save has the last word). */
    public void request(String memberId) {
        state.requestRecount(memberId, clock.instant());
        queue.send(List.of(ChangeMessage.recount(memberId)));
    }

    /** When the recount still waiting or running was asked for; empty when the aggregates are up to date. */
    public Optional<Instant> pending(String memberId) {
        return Optional.ofNullable(state.load(memberId).recountRequestedAt());
    }

    /**
     * Sets the portal's aggregates to what its records add up to, with its settings as stored now, when a recount
     * was asked for; the mark is cleared unless another request came meanwhile (its own recount is queued).
     *
     * @return false when the records kept changing during every pass, so the recount is to be tried again later
     */
    public boolean run(String memberId) {
        Instant started = clock.instant();
        if (state.load(memberId).recountRequestedAt() == null) {
            return true;
        }
        if (!rebuild.rebuild(memberId, settings.load(memberId))) {
            return false;
        }
        state.recountDone(memberId, started);
        LOG.info("portal {}: aggregates recounted from the records", memberId);
        return true;
    }
}
