package ru.unitecon.simulator.loopback;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which failure a simulator plays on which path: for the next N requests (then the path recovers, as a flaky server
 * does) or until cleared. A hanging request is held here until released; then it goes on normally.
 */
public final class FaultSchedule<F> {
    /** For {@link #inject}: the fault stays until {@link #clear()}. */
    public static final int UNTIL_CLEARED = -1;

    private record Planned<F>(F fault, int remaining) {
    }

    private final Map<String, Planned<F>> faults = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);

    public void inject(String path, F fault, int times) {
        if (times == 0 || times < UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be positive or UNTIL_CLEARED");
        }
        faults.put(path, new Planned<>(fault, times));
    }

    /** The fault for this request, if one is planned; a counted fault is used up by it. */
    public Optional<F> take(String path) {
        Object[] taken = new Object[1];
        faults.computeIfPresent(path, (key, planned) -> {
            taken[0] = planned.fault();
            if (planned.remaining() == UNTIL_CLEARED) {
                return planned;
            }
            return planned.remaining() == 1 ? null : new Planned<>(planned.fault(), planned.remaining() - 1);
        });
        @SuppressWarnings("unchecked")
        F fault = (F) taken[0];
        return Optional.ofNullable(fault);
    }

    /** Holds the calling request thread until {@link #releaseHangs()} (or interruption, when the server stops). */
    public void hold() {
        CountDownLatch latch = release;
        held.incrementAndGet();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    /** Lets every held request go on. */
    public void releaseHangs() {
        CountDownLatch latch = release;
        release = new CountDownLatch(1);
        latch.countDown();
    }

    /** Requests held right now. */
    public int held() {
        return held.get();
    }

    /** No more faults, and every held request goes on. */
    public void clear() {
        faults.clear();
        releaseHangs();
    }
}
