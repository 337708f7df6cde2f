package ru.unitecon.core.bitrix.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code base * 2^(n-1)}, capped.
 * The jitter keeps workers that were refused together from coming back together.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), RandomGenerator.getDefault());
    }

    /** @param retry 1 for the first retry */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1");
        }
        long ceiling = base.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (capped - half + 1)));
    }

    /** The longest wait {@link #delay} can return for that retry. */
    public Duration ceiling(int retry) {
        return Duration.ofMillis(Math.min(base.toMillis() << Math.min(retry - 1, 20), max.toMillis()));
    }
}
