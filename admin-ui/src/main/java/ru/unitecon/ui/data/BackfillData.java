package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.store.BackfillProgress;
import ru.unitecon.core.store.BackfillStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** How far the portal's backfill of leads and deals has come, while it runs; nothing of any other portal. */
@Service
public class BackfillData {
    private final BackfillStore backfills;
    private final Clock clock;

    public BackfillData(BackfillStore backfills, Clock clock) {
        this.backfills = backfills;
        this.clock = clock;
    }

    /**
     * @param done     records read and applied
     * @param total    records the portal counted when the backfill started
     * @param timeLeft at the pace so far; empty until a first record is done
     */
    public record Running(long done, long total, Optional<Duration> timeLeft) {
        /** Done as a share of the total, 0 to 1. */
        public double share() {
            return total <= 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    /** The backfill still running, or empty when there is none or it is through. */
    public Optional<Running> running(String memberId) {
        return backfills.load(memberId).filter(progress -> !progress.finished())
                .map(progress -> running(progress));
    }

    private Running running(BackfillProgress progress) {
        return new Running(progress.done(), progress.total(), progress.timeLeft(clock.instant()));
    }
}
