package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.CrmReads;
import ru.unitecon.core.bitrix.rest.ScanPage;
import ru.unitecon.core.store.BackfillStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Reads all of a portal's leads or deals into the bookkeeping: each batch request reads up to 50 list pages chained by
 * {@code >ID} (2 500 records), so the portal's rate limit is far from the bottleneck. A run goes on for
 * {@link SyncPace#scanBudget()} and then queues its cursor, which leaves room for the other portals' changes. How far
 * it has come (records done of the portal's count) is kept for the admin UI.
 */
final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    private final BackfillStore progress;
    private final ChangeQueue queue;
    private final SyncPace pace;
    private final InstantSource clock;

    Backfill(BackfillStore progress, ChangeQueue queue, SyncPace pace, InstantSource clock) {
        this.progress = progress;
        this.queue = queue;
        this.pace = pace;
        this.clock = clock;
    }

    /**
     * One run from the message's cursor. Records that could not be written are queued to be fetched again by id.
     *
     * @return whether an oversized change among the records left the portal to be recounted
     */
    boolean run(RecordApplier applier, ChangeMessage message) {
        String memberId = applier.memberId();
        CrmEntity entity = message.entity();
        String method = entity.listMethod();
        long cursor = message.afterId();
        Instant started = clock.instant();
        long expected;
        if (cursor == 0) {
            expected = applier.reads().count(method, Map.of());
            progress.start(memberId, entity.name(), expected, started);
        } else {
            expected = progress.expectedLeft(memberId, entity.name()).orElse(Long.MAX_VALUE);
        }
        boolean recount = false;
        while (true) {
            // No more pages than the portal's count leaves, unless the portal turned out to have more.
            int wanted = CrmReads.pagesFor(expected, pace.pagesPerRequest());
            List<ScanPage> pages = applier.reads().scanPages(method, Map.of(), applier.select(entity), cursor,
                    wanted);
            RecordApplier.Applied applied = applier.apply(entity, pages);
            recount |= applied.recountNeeded();
            if (!applied.failed().isEmpty()) {
                queue.send(List.of(ChangeMessage.pending(memberId, entity, List.copyOf(applied.failed()))));
            }
            ScanPage last = pages.getLast();
            long records = pages.stream().mapToLong(page -> page.records().size()).sum();
            progress.advance(memberId, entity.name(), cursor, last.lastId(), records, last.last(), clock.instant());
            if (last.last()) {
                LOG.info("portal {}: {} backfill done", memberId, entity);
                return recount;
            }
            cursor = last.lastId();
            expected = wanted < pace.pagesPerRequest() ? Long.MAX_VALUE : Math.max(0, expected - records);
            if (Duration.between(started, clock.instant()).compareTo(pace.scanBudget()) >= 0) {
                queue.send(List.of(ChangeMessage.backfill(memberId, entity, cursor)));
                return recount;
            }
        }
    }
}
