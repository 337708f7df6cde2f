package ru.unitecon.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.crm.CrmRecords;
import ru.unitecon.core.bitrix.crm.UnreadableRecord;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.CommandError;
import ru.unitecon.core.bitrix.rest.CrmReads;
import ru.unitecon.core.bitrix.rest.FetchedRecords;
import ru.unitecon.core.bitrix.rest.ScanPage;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.ApplyOutcome;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.RecordSnapshot;
import ru.unitecon.core.store.StoreOutage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One portal's records on their way from its REST answers into the bookkeeping, read with the portal's appointment
 * fields. A record that no longer matches the field mapping has it read again, once per run. A record whose write
 * fails is reported by id and does not stop the others, unless the store itself is out of reach.
 */
final class RecordApplier {
    private static final Logger LOG = LoggerFactory.getLogger(RecordApplier.class);

    private final String memberId;
    private final PortalSettings settings;
    private final RecordStore recordStore;
    private final BitrixRestClient client;
    private final CrmReads reads;
    private final Supplier<Map<CrmEntity, AppointmentFieldMapping>> reread;
    private Map<CrmEntity, AppointmentFieldMapping> mappings;
    private CrmRecords records;
    private boolean mappingsFresh;

    /** What applying some records did: the ids whose write failed, and whether the portal needs a recount. */
    record Applied(Set<Long> failed, boolean recountNeeded, int applied) {
        static final Applied NOTHING = new Applied(Set.of(), false, 0);

        Applied plus(Applied other) {
            Set<Long> all = new HashSet<>(failed);
            all.addAll(other.failed);
            return new Applied(all, recountNeeded || other.recountNeeded, applied + other.applied);
        }
    }

    /**
     * @param mappings the field mapping to start with
     * @param fresh    whether it was just read from the portal (then it is not read again this run)
     * @param reread   reads the portal's user fields again
     */
    RecordApplier(String memberId, PortalSettings settings, RecordStore recordStore, BitrixRestClient client,
                 Map<CrmEntity, AppointmentFieldMapping> mappings, boolean fresh,
                 Supplier<Map<CrmEntity, AppointmentFieldMapping>> reread) {
        this.memberId = memberId;
        this.settings = settings;
        this.recordStore = recordStore;
        this.client = client;
        this.reads = new CrmReads(client);
        this.reread = reread;
        this.mappingsFresh = fresh;
        use(mappings);
    }

    String memberId() {
        return memberId;
    }

    PortalSettings settings() {
        return settings;
    }

    BitrixRestClient client() {
        return client;
    }

    CrmReads reads() {
        return reads;
    }

    List<String> select(CrmEntity entity) {
        return entity == CrmEntity.LEAD ? records.leadSelect() : records.dealSelect();
    }

    /**
     * Fetches records by id and applies them; an id the portal no longer has is deleted as of {@code now}, and one
     * the portal refuses for another reason is logged and left as stored.
     */
    Applied fetchAndApply(CrmEntity entity, Collection<Long> ids, Instant now) {
        FetchedRecords fetched = reads.getMany(entity, ids);
        refreshMappingIfOutdated(entity, fetched.found().values());
        List<RecordSnapshot> snapshots = new ArrayList<>();
        Applied deletions = Applied.NOTHING;
        for (Long id : ids) {
            JsonNode record = fetched.found().get(id);
            CommandError error = fetched.failed().get(id);
            if (record != null) {
                snapshot(entity, record, fetched.servedAt().get(id), snapshots);
            } else if (error == null || isNotFound(error)) {
                deletions = deletions.plus(delete(entity, id, now));
            } else {
                LOG.warn("portal {}: {} {} refused: {}", memberId, entity, id, error.errorCode());
            }
        }
        return deletions.plus(apply(snapshots));
    }

    /** Applies the records of scanned pages (a backfill, a reconciliation). */
    Applied apply(CrmEntity entity, List<ScanPage> pages) {
        List<JsonNode> all = new ArrayList<>();
        pages.forEach(page -> page.records().forEach(all::add));
        refreshMappingIfOutdated(entity, all);
        List<RecordSnapshot> snapshots = new ArrayList<>();
        for (ScanPage page : pages) {
            page.records().forEach(record -> snapshot(entity, record, page.servedAt(), snapshots));
        }
        return apply(snapshots);
    }

    Applied delete(CrmEntity entity, long id, Instant at) {
        return delete(recordStore, memberId, settings, entity, id, at);
    }

    /** Deletes a record (a tombstone stays), which needs no call to the portal. */
    static Applied delete(RecordStore recordStore, String memberId, PortalSettings settings, CrmEntity entity, long id,
                          Instant at) {
        try {
            ApplyOutcome outcome = switch (entity) {
                case LEAD -> recordStore.deleteLead(memberId, settings, id, at);
                case DEAL -> recordStore.deleteDeal(memberId, settings, id, at);
            };
            return new Applied(Set.of(), false, outcome == ApplyOutcome.APPLIED ? 1 : 0);
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.warn("portal {}: deleting {} {} failed: {}", memberId, entity, id, e.toString());
            return new Applied(Set.of(id), false, 0);
        }
    }

    private Applied apply(List<RecordSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return Applied.NOTHING;
        }
        try {
            return outcomes(recordStore.applyAll(memberId, settings, snapshots));
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.warn("portal {}: a batch of {} records failed ({}); applying them one by one", memberId,
                    snapshots.size(), e.toString());
        }
        Set<Long> failed = new HashSet<>();
        List<ApplyOutcome> outcomes = new ArrayList<>();
        for (RecordSnapshot snapshot : snapshots) {
            try {
                outcomes.add(recordStore.apply(memberId, settings, snapshot));
            } catch (RuntimeException e) {
                if (StoreOutage.isOutage(e)) {
                    throw e;
                }
                LOG.warn("portal {}: record {} failed: {}", memberId, snapshot.id(), e.toString());
                failed.add(snapshot.id());
            }
        }
        return outcomes(outcomes).plus(new Applied(failed, false, 0));
    }

    private static Applied outcomes(List<ApplyOutcome> outcomes) {
        int applied = (int) outcomes.stream()
                .filter(o -> o == ApplyOutcome.APPLIED || o == ApplyOutcome.RECOUNT_NEEDED).count();
        return new Applied(Set.of(), outcomes.contains(ApplyOutcome.RECOUNT_NEEDED), applied);
    }

    /** A record that cannot be read is logged and left out. */
    private void snapshot(CrmEntity entity, JsonNode record, Instant servedAt, List<RecordSnapshot> into) {
        try {
            into.add(switch (entity) {
                case LEAD -> RecordSnapshot.of(records.lead(record), servedAt);
                case DEAL -> RecordSnapshot.of(records.deal(record), servedAt);
            });
        } catch (UnreadableRecord e) {
            LOG.warn("portal {}: {} skipped: {}", memberId, entity, e.getMessage());
        }
    }

    private void refreshMappingIfOutdated(CrmEntity entity, Collection<JsonNode> fetched) {
        AppointmentFieldMapping mapping = mappings.get(entity);
        if (mappingsFresh || fetched.stream().allMatch(mapping::covers)) {
            return;
        }
        LOG.info("portal {}: a {} no longer matches the appointment fields as read; reading them again",
                memberId, entity);
        use(reread.get());
        mappingsFresh = true;
    }

    private void use(Map<CrmEntity, AppointmentFieldMapping> fresh) {
        mappings = fresh;
        records = new CrmRecords(fresh.get(CrmEntity.LEAD), fresh.get(CrmEntity.DEAL));
    }

    /** A record deleted before we asked: Bitrix24 answers "Not found". */
    private static boolean isNotFound(CommandError error) {
        return error.errorCode().equalsIgnoreCase("NOT_FOUND")
                || error.description().toLowerCase(Locale.ROOT).contains("not found");
    }
}
