package ru.unitecon.simulator.loopback;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds requests without answering, for client timeouts, until released; then they go on normally. */
public final class HangSwitch {
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);

    /** Blocks the calling request thread until {@link #releaseAll()} (or interruption, when the server stops). */
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

    public void releaseAll() {
        CountDownLatch latch = release;
        release = new CountDownLatch(1);
        latch.countDown();
    }

    /** Requests held right now. */
    public int held() {
        return held.get();
    }
}
