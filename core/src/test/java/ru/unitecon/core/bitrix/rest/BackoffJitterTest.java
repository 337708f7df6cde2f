package ru.unitecon.core.bitrix.rest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffJitterTest {

    @Property
    void delayStaysWithinHalfAndAllOfItsCeiling(@ForAll @IntRange(min = 1, max = 40) int retry,
                                                @ForAll @DoubleRange(min = 0, max = 0.999999) @Scale(6) double draw) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), BackoffTest.fixed(draw));

        Duration delay = backoff.delay(retry);

        assertTrue(delay.compareTo(backoff.ceiling(retry)) <= 0);
        assertTrue(delay.multipliedBy(2).compareTo(backoff.ceiling(retry)) >= 0);
    }
}
