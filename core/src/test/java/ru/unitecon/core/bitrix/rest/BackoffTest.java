package ru.unitecon.core.bitrix.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void delayDoublesWithEachRetry() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), fixed(0.999999));

        assertEquals(Duration.ofMillis(500), backoff.delay(1));
        assertEquals(Duration.ofMillis(1000), backoff.delay(2));
        assertEquals(Duration.ofMillis(2000), backoff.delay(3));
        assertEquals(Duration.ofSeconds(30), backoff.delay(12));
    }

    @Test
    void jitterKeepsAtLeastHalfTheDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), fixed(0.0));

        assertEquals(Duration.ofMillis(250), backoff.delay(1));
        assertEquals(Duration.ofMillis(1000), backoff.delay(3));
    }

    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
