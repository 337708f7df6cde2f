package ru.unitecon.core.bitrix;

import java.time.Duration;

/** Waits; the Bitrix24 clients wait only through this, so tests can record waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterrupted("wait");
        }
    };

    /** @throws CallInterrupted when the thread is interrupted while waiting */
    void sleep(Duration duration);
}
