package ru.unitecon.core.store;

import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.ClientState;
import ru.unitecon.core.ledger.Contribution;
import ru.unitecon.core.ledger.Counters;
import ru.unitecon.core.ledger.CrmRecord;
import ru.unitecon.core.ledger.DealRecord;
import ru.unitecon.core.ledger.LeadRecord;
import ru.unitecon.core.ledger.Ledger;
import ru.unitecon.core.ledger.LedgerUpdate;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * Applies lead and deal snapshots to the store. Each apply is one transaction that writes the record, the clients
 * it leaves and joins, and adds to the monthly aggregates the difference between the old and the new state. Every
 * written item is conditional on the version that was read, so concurrent applies cannot both count; a snapshot
 * not newer than the stored DATE_MODIFY changes nothing, so replays and reordered events are harmless.
 */
public final class LedgerStore {
    /** DynamoDB's limit on the items of one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    private static final int MAX_ATTEMPTS = 25;
    static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final RecordReader reader;

    public LedgerStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.reader = new RecordReader(dynamo, table);
    }

    public ApplyOutcome apply(String memberId, PortalSettings settings, LeadSnapshot snapshot) {
        Ledger ledger = new Ledger(settings);
        return applyChange(memberId, ledger, Keys.lead(snapshot.id()), RecordCodec::lead,
                previous -> isStale(previous, snapshot.modified()) ? null
                        : LeadRecord.from(snapshot, previous, settings));
    }

    public ApplyOutcome apply(String memberId, PortalSettings settings, DealSnapshot snapshot) {
        Ledger ledger = new Ledger(settings);
        return applyChange(memberId, ledger, Keys.deal(snapshot.id()), RecordCodec::deal,
                previous -> isStale(previous, snapshot.modified()) ? null
                        : DealRecord.from(snapshot, previous, settings));
    }

    public ApplyOutcome deleteLead(String memberId, PortalSettings settings, long leadId, Instant at) {
        return applyChange(memberId, new Ledger(settings), Keys.lead(leadId), RecordCodec::lead,
                previous -> previous == null ? LeadRecord.tombstone(leadId, at)
                        : previous.deleted() ? null : previous.deletedAt(at));
    }

    public ApplyOutcome deleteDeal(String memberId, PortalSettings settings, long dealId, Instant at) {
        return applyChange(memberId, new Ledger(settings), Keys.deal(dealId), RecordCodec::deal,
                previous -> previous == null ? DealRecord.tombstone(dealId, at)
                        : previous.deleted() ? null : previous.deletedAt(at));
    }

    private static boolean isStale(CrmRecord previous, Instant modified) {
        return previous != null && (previous.deleted() || !modified.isAfter(previous.modified()));
    }

    /**
     * @param next the record that replaces the stored one (null when stored), or null when nothing is to change
     */
    private <R extends CrmRecord> ApplyOutcome applyChange(String memberId, Ledger ledger, String sortKey,
                                                           Function<Map<String, AttributeValue>, R> decode,
                                                           UnaryOperator<R> next) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> storedItem = reader.item(memberId, sortKey);
            R before = storedItem == null ? null : decode.apply(storedItem);
            R after = next.apply(before);
            if (after == null) {
                return before != null && before.deleted() ? ApplyOutcome.ALREADY_DELETED : ApplyOutcome.STALE;
            }
            List<TransactWriteItem> writes = plan(memberId, ledger, storedItem, before, after);
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return ApplyOutcome.APPLIED;
            } catch (TransactionCanceledException raced) {
                if (attempt >= MAX_ATTEMPTS || !isRetryable(raced)) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    private List<TransactWriteItem> plan(String memberId, Ledger ledger, Map<String, AttributeValue> storedItem,
                                         CrmRecord before, CrmRecord after) {
        Map<String, ClientState> clientsBefore = new HashMap<>();
        Map<String, Long> clientVersions = new HashMap<>();
        for (String key : LedgerUpdate.clientKeys(before, after)) {
            Map<String, AttributeValue> item = reader.item(memberId, Keys.client(key));
            clientsBefore.put(key, item == null ? ClientState.empty(key) : RecordCodec.client(key, item));
            clientVersions.put(key, item == null ? 0L : Attributes.longOrZero(item, RecordCodec.VERSION));
        }
        LedgerUpdate update = LedgerUpdate.of(ledger, before, after, clientsBefore);

        List<TransactWriteItem> writes = new ArrayList<>();
        long recordVersion = storedItem == null ? 0 : Attributes.longOrZero(storedItem, RecordCodec.VERSION);
        Map<String, AttributeValue> recordItem = switch (after) {
            case LeadRecord lead -> RecordCodec.leadItem(memberId, lead, recordVersion + 1);
            case DealRecord deal -> RecordCodec.dealItem(memberId, deal, recordVersion + 1);
        };
        writes.add(TransactWriteItem.builder().put(versionedPut(recordItem, storedItem != null, recordVersion))
                .build());
        update.clientsAfter().forEach((key, client) -> {
            long version = clientVersions.get(key);
            if (!client.isEmpty()) {
                writes.add(TransactWriteItem.builder().put(versionedPut(
                        RecordCodec.clientItem(memberId, client, version + 1), version > 0, version)).build());
            } else if (version > 0) {
                writes.add(TransactWriteItem.builder().delete(versionedDelete(memberId, key, version)).build());
            }
        });
        Instant now = clock.instant();
        update.aggregateDelta().cells().forEach((cell, delta) -> {
            if (!delta.monthlyPart().isZero()) {
                writes.add(TransactWriteItem.builder()
                        .update(addTo(memberId, Keys.aggregate(cell), delta.monthlyPart(), now)).build());
            }
            if (!delta.cohortPart().isZero()) {
                writes.add(TransactWriteItem.builder()
                        .update(addTo(memberId, Keys.cohort(cell), delta.cohortPart(), now)).build());
            }
        });
        if (writes.size() > MAX_TRANSACTION_ITEMS) {
            throw new AggregateChangeTooLarge(writes.size());
        }
        return writes;
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

    private static boolean isRetryable(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return true;
        }
        Set<String> retryable = Set.of("ConditionalCheckFailed", "TransactionConflict", "None");
        return e.cancellationReasons().stream().map(CancellationReason::code).allMatch(retryable::contains);
    }

    private static void pause(int attempt) {
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
        return new Ledger(settings).recompute(reader.leads(memberId), reader.deals(memberId));
    }

    public RecordReader records() {
        return reader;
    }
}
