package ru.unitecon.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Which methods of a portal currently fail, and how. */
final class FaultPlan {
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);

    void inject(String method, Fault fault) {
        faults.put(method.toLowerCase(Locale.ROOT), fault);
    }

    void clear() {
        faults.clear();
        releaseHangs();
    }

    void releaseHangs() {
        CountDownLatch release = hangRelease;
        hangRelease = new CountDownLatch(1);
        release.countDown();
    }

    /** Requests held by {@link Fault#HANG} right now. */
    int hanging() {
        return hanging.get();
    }

    /** Throws the injected failure for this method, or holds the request for {@link Fault#HANG}. */
    void apply(String method) {
        // Taken before the fault is looked up, so a clear() in between cannot leave this request waiting.
        CountDownLatch release = hangRelease;
        Fault fault = faults.get(method.toLowerCase(Locale.ROOT));
        if (fault == null) {
            return;
        }
        switch (fault) {
            case SERVER_ERROR -> throw new RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
            case OPERATION_TIME_LIMIT -> throw new RestError(429, "OPERATION_TIME_LIMIT",
                    "Method is blocked due to operation time limit.");
            case HANG -> await(release);
        }
    }

    /** Once released, the request goes on normally: a slow portal, not a broken one. */
    private void await(CountDownLatch release) {
        hanging.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hanging.decrementAndGet();
        }
    }
}
