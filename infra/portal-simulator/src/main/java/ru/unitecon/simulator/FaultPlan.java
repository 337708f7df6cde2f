package ru.unitecon.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** Which methods of a portal currently fail, and how. */
final class FaultPlan {
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
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

    /** Throws the injected failure for this method, or blocks for {@link Fault#HANG}. */
    void apply(String method) {
        Fault fault = faults.get(method.toLowerCase(Locale.ROOT));
        if (fault == null) {
            return;
        }
        switch (fault) {
            case SERVER_ERROR -> throw new RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
            case OPERATION_TIME_LIMIT -> throw new RestError(429, "OPERATION_TIME_LIMIT",
                    "Method is blocked due to operation time limit.");
            case HANG -> awaitRelease();
        }
    }

    private void awaitRelease() {
        try {
            hangRelease.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RestError(503, "SERVICE_UNAVAILABLE", "Request abandoned");
    }
}
