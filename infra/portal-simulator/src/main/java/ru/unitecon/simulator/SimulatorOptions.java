package ru.unitecon.simulator;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a simulator behaves: its clock, the per-portal leaky bucket (bitrix24.md §4: burst 50, drains 2/s)
 * and the access-token lifetime (1 h).
 */
public record SimulatorOptions(InstantSource clock, int burst, double drainPerSecond, Duration accessTokenLifetime) {

    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (burst < 1 || drainPerSecond <= 0) {
            throw new IllegalArgumentException("burst must be >= 1 and drainPerSecond > 0");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(InstantSource.system(), 50, 2.0, Duration.ofHours(1));
    }

    public SimulatorOptions withClock(InstantSource newClock) {
        return new SimulatorOptions(newClock, burst, drainPerSecond, accessTokenLifetime);
    }

    public SimulatorOptions withRateLimit(int newBurst, double newDrainPerSecond) {
        return new SimulatorOptions(clock, newBurst, newDrainPerSecond, accessTokenLifetime);
    }

    public SimulatorOptions withAccessTokenLifetime(Duration lifetime) {
        return new SimulatorOptions(clock, burst, drainPerSecond, lifetime);
    }
}
