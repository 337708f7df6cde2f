package ru.unitecon.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one sync run does for each portal, so that one portal's burst cannot hold up the others delivered with
 * it, and a backfill or a check of ids leaves room for everyone's events. What a run leaves is queued again.
 *
 * @param chunksPerPortal  batch requests (50 records each) one portal's changed records get per run
 * @param deferAbove       a portal whose rate limit would hold its next call longer than this has its remaining
 *                         changes queued for when the limit allows, rather than the run waiting for it
 * @param recordWork       how long a run works on changed records before queueing the rest
 * @param pagesPerRequest  list pages (50 records each) a backfill reads per batch request
 * @param scanBudget       how long one backfill or check of ids goes on before it queues where it stopped (it
 *                         makes at least one request)
 * @param checkPause       how long a check of ids waits between its runs, which keeps it to a small share of the
 *                         portal's rate limit
 */
public record SyncPace(int chunksPerPortal, Duration deferAbove, Duration recordWork, int pagesPerRequest,
                       Duration scanBudget, Duration checkPause) {
    public SyncPace {
        if (chunksPerPortal < 1 || pagesPerRequest < 1 || pagesPerRequest > 50) {
            throw new IllegalArgumentException("a run makes at least one request, of at most 50 pages");
        }
        Objects.requireNonNull(deferAbove, "deferAbove");
        Objects.requireNonNull(recordWork, "recordWork");
        Objects.requireNonNull(scanBudget, "scanBudget");
        Objects.requireNonNull(checkPause, "checkPause");
    }

    /** What the sync function runs with; docs/benchmarks.md shows how these were chosen. */
    public static SyncPace standard() {
        return new SyncPace(4, Duration.ofSeconds(1), Duration.ofSeconds(60), 20, Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    public SyncPace withChunksPerPortal(int chunks) {
        return new SyncPace(chunks, deferAbove, recordWork, pagesPerRequest, scanBudget, checkPause);
    }

    public SyncPace withDeferAbove(Duration wait) {
        return new SyncPace(chunksPerPortal, wait, recordWork, pagesPerRequest, scanBudget, checkPause);
    }

    public SyncPace withScans(int pages, Duration budget, Duration pause) {
        return new SyncPace(chunksPerPortal, deferAbove, recordWork, pages, budget, pause);
    }
}
