package ru.unitecon.core.bitrix.rest;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.ManualClock;
import ru.unitecon.core.bitrix.RecordingSleeper;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RateLimits limits = new RateLimits(clock, sleeper, 40, 2.0);

    @Test
    void burstPassesWithoutWaiting() {
        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }

        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void afterTheBurstRequestsAreSpacedAtTheDrainRate() {
        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }

        limits.acquire("m1");
        limits.acquire("m1");

        assertEquals(2, sleeper.waits().size());
        assertEquals(Duration.ofMillis(500), sleeper.waits().get(0));
        assertEquals(Duration.ofMillis(500), sleeper.waits().get(1));
    }

    @Test
    void hundredRequestsTakeAtLeastTheSustainedRate() {
        for (int i = 0; i < 100; i++) {
            limits.acquire("m1");
        }

        assertEquals(Duration.ofSeconds(30), sleeper.total());
    }

    @Test
    void idleTimeRefillsTheBucket() {
        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }
        clock.advance(Duration.ofSeconds(20));

        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }

        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void portalsHaveSeparateBuckets() {
        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }

        limits.acquire("m2");

        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void portalRefusalEmptiesTheBucket() {
        limits.acquire("m1");

        limits.drain("m1");
        limits.acquire("m1");

        assertEquals(Duration.ofMillis(500), sleeper.waits().getFirst());
    }

    @Test
    void theNextWaitIsToldWithoutTakingASlot() {
        for (int i = 0; i < 40; i++) {
            limits.acquire("m1");
        }

        assertEquals(Duration.ofMillis(500), limits.nextWait("m1"));
        assertEquals(Duration.ofMillis(500), limits.nextWait("m1"));
        assertEquals(Duration.ZERO, limits.nextWait("m2"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, limits.nextWait("m1"));
        assertTrue(sleeper.waits().isEmpty());
    }
}
