package ru.unitecon.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a portal's backfill of leads and deals has come.
 *
 * @param startedAt when the first of its parts started
 * @param done      records read and applied so far
 * @param total     records the portal had when each part started (counted by the portal)
 * @param finished  whether leads and deals are both through
 */
public record BackfillProgress(Instant startedAt, long done, long total, boolean finished) {

    /** Records still to come: never below zero, as records created during the backfill come on top of the count. */
    public long remaining() {
        return finished ? 0 : Math.max(0, total - done);
    }

    /** At the pace so far; empty until a first record is done. */
    public Optional<Duration> timeLeft(Instant now) {
        if (finished) {
            return Optional.of(Duration.ZERO);
        }
        long elapsedMillis = Duration.between(startedAt, now).toMillis();
        if (done == 0 || elapsedMillis <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((double) remaining() * elapsedMillis / done)));
    }
}
