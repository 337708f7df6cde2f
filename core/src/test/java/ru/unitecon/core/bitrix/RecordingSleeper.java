package ru.unitecon.core.bitrix;

import ru.unitecon.simulator.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records every wait and moves the manual clock by it instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> duringNextWait = new AtomicReference<>();

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
        Runnable action = duringNextWait.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    /** Something that happens in the world while the next wait passes, e.g. a block being lifted. */
    public void duringNextWait(Runnable action) {
        duringNextWait.set(action);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    public Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
