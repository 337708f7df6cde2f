package ru.unitecon.simulator.loopback;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which failure a simulator plays on which path: for the next N requests (then the path recovers, as a flaky server
 * does) or until cleared.
 */
public final class FaultSchedule<F> {
    /** For {@link #inject}: the fault stays until {@link #clear()}. */
    public static final int UNTIL_CLEARED = -1;

    private record Planned<F>(F fault, int remaining) {
    }

    private final Map<String, Planned<F>> faults = new ConcurrentHashMap<>();

    public void inject(String path, F fault, int times) {
        if (times == 0 || times < UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be positive or UNTIL_CLEARED");
        }
        faults.put(path, new Planned<>(fault, times));
    }

    /** The fault for this request, if one is planned; a counted fault is used up by it. */
    public Optional<F> take(String path) {
        Planned<F>[] taken = new Planned[1];
        faults.computeIfPresent(path, (key, planned) -> {
            taken[0] = planned;
            if (planned.remaining() == UNTIL_CLEARED) {
                return planned;
            }
            return planned.remaining() == 1 ? null : new Planned<>(planned.fault(), planned.remaining() - 1);
        });
        return taken[0] == null ? Optional.empty() : Optional.of(taken[0].fault());
    }

    public void clear() {
        faults.clear();
    }
}
