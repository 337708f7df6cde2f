package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * The sync's bookkeeping for one portal, in its {@code SYNC} item: a recount its aggregates wait for, when its ids
 * were last compared with the portal's (lost deletes), and the portal's user-field mapping as last read. Times are
 * epoch milliseconds, so that conditions can compare them.
 */
public final class SyncStateStore {
    static final String IDS_CHECKED_AT = "idsCheckedAt";
    static final String IDS_CHECK_QUEUED_AT = "idsCheckQueuedAt";
    static final String FIELDS_FOR = "fieldsFor";
    static final String FIELDS = "fields";

    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordReader reader;

    /**
     * @param recountRequestedAt when the last oversized change left the aggregates behind, or null
     * @param idsCheckedAt       when the last complete comparison of ids started, or null
     * @param idsCheckQueuedAt   when a comparison was queued and has not finished yet, or null
     * @param fieldsFor          which appointment settings the cached field mapping was read for, or null
     * @param fields             the cached field mapping (the sync's own encoding), or null
     */
    public record State(Instant recountRequestedAt, Instant idsCheckedAt, Instant idsCheckQueuedAt, String fieldsFor,
                        String fields) {
    }

    public SyncStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new RecordReader(dynamo, table);
    }

    public State load(String memberId) {
        Map<String, AttributeValue> item = Optional.ofNullable(reader.item(memberId, Keys.SYNC)).orElse(Map.of());
        return new State(millis(item, RecordStore.RECOUNT_REQUESTED_AT), millis(item, IDS_CHECKED_AT),
                millis(item, IDS_CHECK_QUEUED_AT), Attributes.string(item, FIELDS_FOR),
                Attributes.string(item, FIELDS));
    }

    /**
     * Marks the portal's aggregates for a recount asked for at {@code at} (settings that change how records count):
     * the same mark an oversized change sets, so the sync clears it only after a recount that started later.
     */
    public void requestRecount(String memberId, Instant at) {
        dynamo.updateItem(update(memberId).updateExpression("SET #r = :r")
                .expressionAttributeNames(Map.of("#r", RecordStore.RECOUNT_REQUESTED_AT))
                .expressionAttributeValues(Map.of(":r", n(at.toEpochMilli()))).build());
    }

    /** Clears the recount mark unless an oversized change set it again after {@code recountStartedAt}. */
    public void recountDone(String memberId, Instant recountStartedAt) {
        try {
            dynamo.updateItem(update(memberId).updateExpression("REMOVE #r")
                    .conditionExpression("#r <= :t")
                    .expressionAttributeNames(Map.of("#r", RecordStore.RECOUNT_REQUESTED_AT))
                    .expressionAttributeValues(Map.of(":t", n(recountStartedAt.toEpochMilli()))).build());
        } catch (ConditionalCheckFailedException markedAgain) {
            // A newer mark has its own recount queued.
        }
    }

    /**
     * Claims the portal's next comparison of ids: true when the last one started at least {@code every} ago (or
     * never ran) and no other was queued within {@code retryAfter}, in which case it is now recorded as queued.
     */
    public boolean claimIdCheck(String memberId, Instant now, Duration every, Duration retryAfter) {
        try {
            dynamo.updateItem(update(memberId).updateExpression("SET #q = :now")
                    .conditionExpression("(attribute_not_exists(#c) OR #c <= :due) "
                            + "AND (attribute_not_exists(#q) OR #q <= :stale)")
                    .expressionAttributeNames(Map.of("#c", IDS_CHECKED_AT, "#q", IDS_CHECK_QUEUED_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()),
                            ":due", n(now.minus(every).toEpochMilli()),
                            ":stale", n(now.minus(retryAfter).toEpochMilli()))).build());
            return true;
        } catch (ConditionalCheckFailedException notDue) {
            return false;
        }
    }

    /** A comparison of ids that started at {@code startedAt} went through every id. */
    public void idCheckDone(String memberId, Instant startedAt) {
        dynamo.updateItem(update(memberId).updateExpression("SET #c = :c REMOVE #q")
                .expressionAttributeNames(Map.of("#c", IDS_CHECKED_AT, "#q", IDS_CHECK_QUEUED_AT))
                .expressionAttributeValues(Map.of(":c", n(startedAt.toEpochMilli()))).build());
    }

    public void saveFields(String memberId, String fieldsFor, String fields) {
        dynamo.updateItem(update(memberId).updateExpression("SET #f = :f, #m = :m")
                .expressionAttributeNames(Map.of("#f", FIELDS_FOR, "#m", FIELDS))
                .expressionAttributeValues(Map.of(":f", s(fieldsFor), ":m", s(fields))).build());
    }

    private UpdateItemRequest.Builder update(String memberId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(TableDefinition.PK, s(Keys.partition(memberId)));
        key.put(TableDefinition.SK, s(Keys.SYNC));
        return UpdateItemRequest.builder().tableName(table).key(key);
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        Long value = Attributes.longOrNull(item, name);
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}
