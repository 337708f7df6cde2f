package ru.unitecon.core.bitrix.rest;

import ru.unitecon.core.bitrix.Sleeper;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per portal that keeps us under the portal's own leaky bucket (cloud plans: 50 requests of
 * burst draining at 2 per second, shared with every other app calling from our IP). Callers reserve a slot and
 * then wait for it outside the lock, so waiting callers queue in arrival order.
 * One instance is shared by all REST clients of a JVM: {@link #shared()}.
 */
public final class RateLimits {
    public static final int BURST = 40;
    public static final double PER_SECOND = 2.0;

    private static final RateLimits SHARED = new RateLimits(InstantSource.system(), Sleeper.SYSTEM,
            BURST, PER_SECOND);

    private final InstantSource clock;
    private final Sleeper sleeper;
    private final int burst;
    private final double perSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(InstantSource clock, Sleeper sleeper, int burst, double perSecond) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst and rate must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.burst = burst;
        this.perSecond = perSecond;
    }

    public static RateLimits shared() {
        return SHARED;
    }

    /** Takes one request slot for the portal, waiting until there is one. */
    public void acquire(String memberId) {
        Duration wait = bucket(memberId).reserve(clock.instant());
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** How long a call to the portal would wait for its slot if it were made now; takes no slot. */
    public Duration nextWait(String memberId) {
        return bucket(memberId).waitFor(clock.instant());
    }

    /** The portal said we are over its limit: it knows better, so start again from an empty bucket. */
    public void drain(String memberId) {
        bucket(memberId).drain(clock.instant());
    }

    private Bucket bucket(String memberId) {
        return buckets.computeIfAbsent(memberId, id -> new Bucket(burst, clock.instant()));
    }

    private final class Bucket {
        private double available;
        private Instant updated;

        Bucket(double available, Instant now) {
            this.available = available;
            this.updated = now;
        }

        synchronized Duration reserve(Instant now) {
            refill(now);
            available -= 1;
            if (available >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil(-available / perSecond * 1_000_000_000L));
        }

        synchronized Duration waitFor(Instant now) {
            refill(now);
            double missing = 1 - available;
            return missing <= 0 ? Duration.ZERO
                    : Duration.ofNanos((long) Math.ceil(missing / perSecond * 1_000_000_000L));
        }

        synchronized void drain(Instant now) {
            refill(now);
            available = Math.min(available, 0);
        }

        private void refill(Instant now) {
            if (now.isAfter(updated)) {
                double seconds = Duration.between(updated, now).toNanos() / 1_000_000_000.0;
                available = Math.min(burst, available + seconds * perSecond);
                updated = now;
            }
        }
    }
}
