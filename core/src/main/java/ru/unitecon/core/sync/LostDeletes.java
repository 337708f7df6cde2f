package ru.unitecon.core.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.CrmReads;
import ru.unitecon.core.bitrix.rest.ScanPage;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SyncStateStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * Finds deletes whose event was lost: the portal's ids ({@code crm.*.list}, {@code select: ["ID"]}, {@code >ID}
 * paging without counting, 50 pages per batch request) are compared with the stored live ids of the same range, and
 * a stored record the portal no longer has is deleted. The stored ids are read (once per run) before the portal's, so
 * a record created in between is never taken for deleted. Leads first, then deals; a run goes on for
 * {@link SyncPace#scanBudget()} and the next one waits {@link SyncPace#checkPause()}, so the check takes a small share
 * of the portal's rate limit. The scheduler starts it at most once a day per portal.
 */
final class LostDeletes {
    private static final Logger LOG = LoggerFactory.getLogger(LostDeletes.class);

    private final RecordReader records;
    private final SyncStateStore state;
    private final ChangeQueue queue;
    private final SyncPace pace;
    private final InstantSource clock;

    LostDeletes(RecordReader records, SyncStateStore state, ChangeQueue queue, SyncPace pace, InstantSource clock) {
        this.records = records;
        this.state = state;
        this.queue = queue;
        this.pace = pace;
        this.clock = clock;
    }

    /** @return how many stored records the portal no longer had */
    int run(RecordApplier applier, ChangeMessage message) {
        String memberId = applier.memberId();
        CrmEntity entity = message.entity();
        long cursor = message.afterId();
        Instant began = clock.instant();
        int deleted = 0;
        // Read once per run, before any of the portal's pages: a record stored later is not in it.
        SortedSet<Long> stored = records.liveIds(memberId, entity.name(), cursor, Long.MAX_VALUE);
        // As many pages as the stored ids need; all of them once the portal turned out to have more.
        int wanted = CrmReads.pagesFor(stored.size(), BitrixRestClient.BATCH_LIMIT);
        while (true) {
            List<ScanPage> pages = applier.reads().scanPages(entity.listMethod(), Map.of(), List.of("ID"), cursor,
                    wanted);
            ScanPage last = pages.getLast();
            Set<Long> onPortal = new HashSet<>();
            pages.forEach(page -> page.records().forEach(record -> onPortal.add(record.path("ID").asLong())));
            SortedSet<Long> checked = last.last() ? stored : stored.headSet(last.lastId() + 1);
            Set<Long> gone = new HashSet<>(checked);
            gone.removeAll(onPortal);
            for (long id : gone) {
                if (applier.delete(entity, id, clock.instant()).failed().isEmpty()) {
                    deleted++;
                }
            }
            if (!gone.isEmpty()) {
                LOG.info("portal {}: {} {}s were deleted on the portal without an event reaching us", memberId,
                        gone.size(), entity.name().toLowerCase(Locale.ROOT));
            }
            if (last.last()) {
                finish(memberId, entity, message.at());
                return deleted;
            }
            cursor = last.lastId();
            stored = stored.tailSet(cursor + 1);
            wanted = wanted < BitrixRestClient.BATCH_LIMIT ? BitrixRestClient.BATCH_LIMIT
                    : CrmReads.pagesFor(stored.size(), BitrixRestClient.BATCH_LIMIT);
            // A small share of the rate limit: stop before the portal would make the sync wait.
            boolean limitReached = applier.client().nextCallWait().compareTo(pace.deferAbove()) > 0;
            if (limitReached || Duration.between(began, clock.instant()).compareTo(pace.scanBudget()) >= 0) {
                queue.send(List.of(ChangeMessage.checkIds(memberId, entity, cursor, message.at())),
                        pace.checkPause());
                return deleted;
            }
        }
    }

    private void finish(String memberId, CrmEntity entity, Instant startedAt) {
        if (entity == CrmEntity.LEAD) {
            queue.send(List.of(ChangeMessage.checkIds(memberId, CrmEntity.DEAL, 0, startedAt)), pace.checkPause());
        } else {
            state.idCheckDone(memberId, startedAt);
        }
    }
}
