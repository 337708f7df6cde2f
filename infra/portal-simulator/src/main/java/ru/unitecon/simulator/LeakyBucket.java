package ru.unitecon.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Bitrix24's per-portal request counter: each request adds one, the level drains steadily, over the burst is refused. */
final class LeakyBucket {
    private final InstantSource clock;
    private final int burst;
    private final double drainPerSecond;
    private double level;
    private Instant drainedAt;

    LeakyBucket(InstantSource clock, int burst, double drainPerSecond) {
        this.clock = clock;
        this.burst = burst;
        this.drainPerSecond = drainPerSecond;
        this.drainedAt = clock.instant();
    }

    synchronized boolean tryAdmit() {
        Instant now = clock.instant();
        double elapsedSeconds = Math.max(0, Duration.between(drainedAt, now).toNanos() / 1e9);
        level = Math.max(0, level - elapsedSeconds * drainPerSecond);
        drainedAt = now;
        if (level + 1 > burst) {
            return false;
        }
        level += 1;
        return true;
    }
}
