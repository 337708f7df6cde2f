package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.testsupport.LocalDynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync's SYNC and BACKFILL items: the daily claim of the check for lost deletes, and the backfill's progress. */
class SyncBookkeepingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration RETRY = Duration.ofHours(6);

    private final SyncStateStore state = new SyncStateStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final BackfillStore backfills = new BackfillStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void theCheckOfIdsIsClaimedAtMostOnceADay() {
        assertTrue(state.claimIdCheck(member, NOW, DAY, RETRY));
        assertFalse(state.claimIdCheck(member, NOW.plusSeconds(300), DAY, RETRY), "queued and not through yet");

        state.idCheckDone(member, NOW);

        assertFalse(state.claimIdCheck(member, NOW.plus(Duration.ofHours(23)), DAY, RETRY));
        assertTrue(state.claimIdCheck(member, NOW.plus(DAY), DAY, RETRY));
        assertEquals(NOW, state.load(member).idsCheckedAt());
    }

    @Test
    void aCheckThatNeverFinishedIsClaimedAgainAfterTheRetryTime() {
        assertTrue(state.claimIdCheck(member, NOW, DAY, RETRY));

        assertFalse(state.claimIdCheck(member, NOW.plus(RETRY).minusSeconds(1), DAY, RETRY));
        assertTrue(state.claimIdCheck(member, NOW.plus(RETRY), DAY, RETRY));
    }

    @Test
    void theBackfillCountsEachStretchOnceAndTellsTheTimeLeft() {
        assertEquals(Optional.empty(), backfills.load(member));
        backfills.start(member, "LEAD", 3_000, NOW);
        backfills.start(member, "DEAL", 1_000, NOW);

        assertTrue(backfills.advance(member, "LEAD", 0, 1_000, 1_000, false, NOW.plusSeconds(10)));
        assertFalse(backfills.advance(member, "LEAD", 0, 1_000, 1_000, false, NOW.plusSeconds(11)),
                "a run that comes back from the queue does not count its records twice");
        assertTrue(backfills.advance(member, "DEAL", 0, 1_000, 1_000, false, NOW.plusSeconds(20)));

        BackfillProgress progress = backfills.load(member).orElseThrow();
        assertEquals(2_000, progress.done());
        assertEquals(4_000, progress.total());
        assertFalse(progress.finished());
        assertEquals(Optional.of(Duration.ofSeconds(20)), progress.timeLeft(NOW.plusSeconds(20)));

        backfills.advance(member, "LEAD", 1_000, 3_050, 2_000, true, NOW.plusSeconds(30));
        assertFalse(backfills.load(member).orElseThrow().finished(), "deals are not through yet");
        backfills.advance(member, "DEAL", 1_000, 1_000, 0, true, NOW.plusSeconds(31));

        BackfillProgress done = backfills.load(member).orElseThrow();
        assertTrue(done.finished());
        assertEquals(0, done.remaining());
        assertEquals(Optional.of(Duration.ZERO), done.timeLeft(NOW.plusSeconds(40)));
    }

    @Test
    void theTimeLeftIsUnknownUntilARecordIsDoneAndNeverNegative() {
        BackfillProgress started = new BackfillProgress(NOW, 0, 5_000, false);
        BackfillProgress overCount = new BackfillProgress(NOW, 5_200, 5_000, false);

        assertEquals(Optional.empty(), started.timeLeft(NOW.plusSeconds(5)));
        assertEquals(0, overCount.remaining(), "records created during the backfill come on top of the count");
        assertEquals(Optional.of(Duration.ZERO), overCount.timeLeft(NOW.plusSeconds(5)));
    }
}
