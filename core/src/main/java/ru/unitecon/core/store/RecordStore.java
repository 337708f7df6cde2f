package ru.unitecon.core.store;

import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.RecordEffect;
import ru.unitecon.core.portal.PortalSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * Applies lead and deal snapshots to the store. Each apply is one transaction that writes the record, the clients
 * it leaves and joins, and adds to the monthly aggregates the difference between the old and the new state. Every
 * written item is conditional on the version that was read, so concurrent applies cannot both count; a snapshot
 * older than the stored DATE_MODIFY, or of the same second with the same content or served earlier, changes nothing,
 * so replays and reordered events are harmless. A change whose difference is too big for one transaction writes the
 * record and its clients and marks the portal for a recount ({@link ApplyOutcome#RECOUNT_NEEDED}).
 */
public final class RecordStore {
    /** DynamoDB's limit on the items of one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    private static final int MAX_ATTEMPTS = 25;
    static final String UPDATED_AT = "updatedAt";
    /** When the portal served the snapshot the record was made from, by the portal's clock. */
    static final String SERVED_AT = "servedAt";
    /** On the portal's SYNC item: when an oversized change left its aggregates to be recounted (epoch ms). */
    static final String RECOUNT_REQUESTED_AT = "recountRequestedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final RecordReader reader;

    public RecordStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.reader = new RecordReader(dynamo, table);
    }

    public ApplyOutcome apply(String memberId, PortalSettings settings, LeadSnapshot snapshot) {
        return apply(memberId, settings, RecordSnapshot.of(snapshot, null));
    }

    public ApplyOutcome apply(String memberId, PortalSettings settings, DealSnapshot snapshot) {
        return apply(memberId, settings, RecordSnapshot.of(snapshot, null));
    }

    /** Applies one snapshot in its own transaction, rereading and retrying when another writer got there first. */
    public ApplyOutcome apply(String memberId, PortalSettings settings, RecordSnapshot snapshot) {
        return applyChange(memberId, new Bookkeeping(settings), snapshot.sortKey(), snapshot.servedAt(),
                (previous, previousServedAt) -> newer(previous, previousServedAt,
                        snapshot.recordAfter(previous, settings), snapshot.servedAt()));
    }

    /**
     * Applies many snapshots of one portal with few requests: the stored records and their clients are read in
     * batches and the changes written in transactions of up to {@value #MAX_TRANSACTION_ITEMS} items, each holding
     * whole changes (records, clients and the summed aggregate differences), so every transaction is as
     * consistent as a single apply. A transaction that meets another writer falls back to applying its snapshots
     * one by one.
     *
     * @return the outcome of each snapshot, in order
     */
    public List<ApplyOutcome> applyAll(String memberId, PortalSettings settings, List<RecordSnapshot> snapshots) {
        return new RecordBatch(this, memberId, settings).apply(snapshots);
    }

    public ApplyOutcome deleteLead(String memberId, PortalSettings settings, long leadId, Instant at) {
        return applyChange(memberId, new Bookkeeping(settings), Keys.lead(leadId), null,
                (previous, servedAt) -> previous == null ? LeadRecord.tombstone(leadId, at)
                        : previous.deleted() ? null : ((LeadRecord) previous).deletedAt(at));
    }

    public ApplyOutcome deleteDeal(String memberId, PortalSettings settings, long dealId, Instant at) {
        return applyChange(memberId, new Bookkeeping(settings), Keys.deal(dealId), null,
                (previous, servedAt) -> previous == null ? DealRecord.tombstone(dealId, at)
                        : previous.deleted() ? null : ((DealRecord) previous).deletedAt(at));
    }

    /**
     * Gives a stored lead the earlier of its first response and {@code evidence}, moving the response counters once:
     * evidence that is not earlier, a lead not stored and a deleted one change nothing ({@link ApplyOutcome#STALE}).
     */
    public ApplyOutcome answerLead(String memberId, PortalSettings settings, long leadId, FirstResponse evidence) {
        return applyChange(memberId, new Bookkeeping(settings), Keys.lead(leadId), null, (previous, servedAt) -> {
            if (!(previous instanceof LeadRecord lead) || lead.deleted()) {
                return null;
            }
            LeadRecord answered = lead.answeredAt(evidence);
            return answered == lead ? null : answered;
        });
    }

    /**
     * The candidate when it replaces the stored record, else null. A later DATE_MODIFY wins and a tombstone stays.
     * DATE_MODIFY has whole seconds, so two edits within one second share it: then a snapshot that differs from
     * the stored record replaces it, unless the portal served it before it served the stored one (a late replay).
     */
    static CrmRecord newer(CrmRecord previous, Instant previousServedAt, CrmRecord candidate, Instant servedAt) {
        if (previous == null) {
            return candidate;
        }
        if (previous.deleted()) {
            return null;
        }
        int byModified = candidate.modified().compareTo(previous.modified());
        if (byModified != 0) {
            return byModified > 0 ? candidate : null;
        }
        if (sameContent(candidate, previous)
                || servedAt != null && previousServedAt != null && servedAt.isBefore(previousServedAt)) {
            return null;
        }
        return candidate;
    }

    /**
     * Whether two records say the same, amounts compared by value: the portal sends {@code "1500.00"}, the store
     * gives back {@code 1500}.
     */
    static boolean sameContent(CrmRecord a, CrmRecord b) {
        return a.equals(b) || byValue(item(a)).equals(byValue(item(b)));
    }

    private static Map<String, AttributeValue> item(CrmRecord record) {
        // Only the record's own attributes are compared; any member id builds the same keys for both.
        return switch (record) {
            case LeadRecord lead -> RecordCodec.leadItem("compared", lead, 0);
            case DealRecord deal -> RecordCodec.dealItem("compared", deal, 0);
        };
    }

    private static Map<String, Object> byValue(Map<String, AttributeValue> item) {
        Map<String, Object> values = new HashMap<>();
        item.forEach((name, value) -> values.put(name,
                value.n() != null ? new BigDecimal(value.n()).stripTrailingZeros() : value));
        return values;
    }

    /**
     * @param servedAt when the portal served the snapshot behind the change, or null
     * @param next     the record that replaces the stored one (null when none is stored) given the stored one's
     *                 served time, or null when nothing is to change
     */
    private ApplyOutcome applyChange(String memberId, Bookkeeping bookkeeping, String sortKey, Instant servedAt,
                                     BiFunction<CrmRecord, Instant, CrmRecord> next) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> storedItem = reader.item(memberId, sortKey);
            CrmRecord before = storedItem == null ? null : decode(storedItem);
            Instant storedServedAt = storedItem == null ? null : Attributes.instant(storedItem, SERVED_AT);
            CrmRecord after = next.apply(before, storedServedAt);
            if (after == null) {
                return before != null && before.deleted() ? ApplyOutcome.ALREADY_DELETED : ApplyOutcome.STALE;
            }
            Map<String, ClientState> clientsBefore = new HashMap<>();
            Map<String, Long> clientVersions = new HashMap<>();
            readClients(memberId, RecordEffect.clientKeys(before, after), clientsBefore, clientVersions);
            RecordEffect update = RecordEffect.of(bookkeeping, before, after, clientsBefore);
            List<TransactWriteItem> writes = new ArrayList<>();
            // A change that comes from no snapshot (a delete, a first response) keeps the stored one's served time.
            writes.add(recordWrite(memberId, storedItem, after, servedAt != null ? servedAt : storedServedAt));
            writes.addAll(clientWrites(memberId, update.clientsAfter(), clientVersions));
            List<TransactWriteItem> aggregates = aggregateWrites(memberId, update.aggregateDelta());
            ApplyOutcome outcome = ApplyOutcome.APPLIED;
            if (writes.size() + aggregates.size() <= MAX_TRANSACTION_ITEMS) {
                writes.addAll(aggregates);
            } else {
                // Too many months and channels for one transaction: the record and its clients change now, and
                // the portal is marked for a recount of its aggregates from the records (see SyncService).
                writes.add(recountMarker(memberId));
                outcome = ApplyOutcome.RECOUNT_NEEDED;
            }
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return outcome;
            } catch (TransactionCanceledException raced) {
                if (attempt >= MAX_ATTEMPTS || !isRetryable(raced)) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    static CrmRecord decode(Map<String, AttributeValue> item) {
        String sortKey = item.get(TableDefinition.SK).s();
        return sortKey.startsWith(Keys.LEAD) ? RecordCodec.lead(item) : RecordCodec.deal(item);
    }

    /** Reads the clients' stored states (empty ones for clients not stored yet) and their versions (0 then). */
    void readClients(String memberId, Collection<String> keys, Map<String, ClientState> states,
                     Map<String, Long> versions) {
        Map<String, Map<String, AttributeValue>> items = reader.items(memberId,
                keys.stream().map(Keys::client).toList());
        for (String key : keys) {
            Map<String, AttributeValue> item = items.get(Keys.client(key));
            states.put(key, item == null ? ClientState.empty(key) : RecordCodec.client(key, item));
            versions.put(key, item == null ? 0L : Attributes.longOrZero(item, RecordCodec.VERSION));
        }
    }

    /** The record's new item, conditional on the stored version (or on there being none). */
    TransactWriteItem recordWrite(String memberId, Map<String, AttributeValue> storedItem, CrmRecord after,
                                  Instant servedAt) {
        long version = storedItem == null ? 0 : Attributes.longOrZero(storedItem, RecordCodec.VERSION);
        Map<String, AttributeValue> item = switch (after) {
            case LeadRecord lead -> RecordCodec.leadItem(memberId, lead, version + 1);
            case DealRecord deal -> RecordCodec.dealItem(memberId, deal, version + 1);
        };
        Attributes.putIfPresent(item, SERVED_AT, servedAt);
        return TransactWriteItem.builder().put(versionedPut(item, storedItem != null, version)).build();
    }

    /** Puts the clients that have members and deletes the stored ones left empty, each on its version read. */
    List<TransactWriteItem> clientWrites(String memberId, Map<String, ClientState> clientsAfter,
                                         Map<String, Long> versionsRead) {
        List<TransactWriteItem> writes = new ArrayList<>();
        clientsAfter.forEach((key, client) -> {
            long version = versionsRead.get(key);
            if (!client.isEmpty()) {
                writes.add(TransactWriteItem.builder().put(versionedPut(
                        RecordCodec.clientItem(memberId, client, version + 1), version > 0, version)).build());
            } else if (version > 0) {
                writes.add(TransactWriteItem.builder().delete(versionedDelete(memberId, key, version)).build());
            }
        });
        return writes;
    }

    /** ADDs a difference to each monthly, cohort and campaign item it touches. */
    List<TransactWriteItem> aggregateWrites(String memberId, Contribution delta) {
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        delta.cells().forEach((cell, counters) -> {
            if (!counters.monthlyPart().isZero()) {
                writes.add(TransactWriteItem.builder()
                        .update(addTo(memberId, Keys.aggregate(cell), counters.monthlyPart(), now)).build());
            }
            if (!counters.cohortPart().isZero()) {
                writes.add(TransactWriteItem.builder()
                        .update(addTo(memberId, Keys.cohort(cell), counters.cohortPart(), now)).build());
            }
        });
        delta.campaignCells().forEach((cell, counters) -> writes.add(TransactWriteItem.builder()
                .update(addTo(memberId, Keys.campaignAggregate(cell), counters, now)).build()));
        return writes;
    }

    /** Marks the portal's aggregates for a recount, in the transaction that leaves them behind its records. */
    private TransactWriteItem recountMarker(String memberId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(Keys.SYNC)))
                .updateExpression("SET #r = :r")
                .expressionAttributeNames(Map.of("#r", RECOUNT_REQUESTED_AT))
                .expressionAttributeValues(Map.of(":r", n(clock.millis())))
                .build()).build();
    }

    /** The condition every record and client write carries: the item is still the version that was read. */
    static String versionCondition(boolean existed) {
        return existed ? "#ver = :ver" : "attribute_not_exists(PK)";
    }

    private Put versionedPut(Map<String, AttributeValue> item, boolean existed, long readVersion) {
        Put.Builder put = Put.builder().tableName(table).item(item)
                .conditionExpression(versionCondition(existed));
        if (existed) {
            put.expressionAttributeNames(Map.of("#ver", RecordCodec.VERSION))
                    .expressionAttributeValues(Map.of(":ver", n(readVersion)));
        }
        return put.build();
    }

    private Delete versionedDelete(String memberId, String clientKey, long readVersion) {
        return Delete.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                        TableDefinition.SK, s(Keys.client(clientKey))))
                .conditionExpression(versionCondition(true))
                .expressionAttributeNames(Map.of("#ver", RecordCodec.VERSION))
                .expressionAttributeValues(Map.of(":ver", n(readVersion)))
                .build();
    }

    private Update addTo(String memberId, String sortKey, Counters delta, Instant now) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, BigDecimal> counter : delta.asMap().entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, n(counter.getValue()));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        names.put("#u", UPDATED_AT);
        values.put(":u", s(now.toString()));
        return Update.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.monthlyPartition(memberId)),
                        TableDefinition.SK, s(sortKey)))
                .updateExpression("ADD " + String.join(", ", adds) + " SET #u = :u")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    static boolean isRetryable(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return true;
        }
        Set<String> retryable = Set.of("ConditionalCheckFailed", "TransactionConflict", "None");
        return e.cancellationReasons().stream().map(CancellationReason::code).allMatch(retryable::contains);
    }

    static void pause(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflicting write", e);
        }
    }

    /** The aggregates a portal's stored records add up to, computed without reading any stored aggregate. */
    public Contribution recompute(String memberId, PortalSettings settings) {
        return new Bookkeeping(settings).recompute(reader.leads(memberId), reader.deals(memberId));
    }

    public RecordReader records() {
        return reader;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }
}
