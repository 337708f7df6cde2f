package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * The {@code BACKFILL} item of a portal: per part (leads, deals) the records the portal counted at the start, the
 * records done and the cursor reached. Each advance is conditional on the cursor it starts from, so a run that
 * comes back from the queue does not count its records twice.
 */
public final class BackfillStore {
    /** The parts of a backfill, named as the sync names the record kinds. */
    public static final List<String> PARTS = List.of("LEAD", "DEAL");

    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordReader reader;

    public BackfillStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new RecordReader(dynamo, table);
    }

    /** A part starts (again) from the first record. */
    public void start(String memberId, String part, long total, Instant now) {
        dynamo.updateItem(update(memberId)
                .updateExpression("SET #t = :t, #d = :zero, #c = :zero, #s = :now REMOVE #f")
                .expressionAttributeNames(Map.of("#t", part + "Total", "#d", part + "Done", "#c", part + "Cursor",
                        "#s", part + "StartedAt", "#f", part + "FinishedAt"))
                .expressionAttributeValues(Map.of(":t", n(total), ":zero", n(0), ":now", n(now.toEpochMilli())))
                .build());
    }

    /**
     * Records that a run read the part's records after {@code fromCursor} up to {@code toCursor}.
     *
     * @return false when another run had already recorded this stretch
     */
    public boolean advance(String memberId, String part, long fromCursor, long toCursor, long records,
                           boolean finished, Instant now) {
        try {
            dynamo.updateItem(update(memberId)
                    .updateExpression("SET #c = :to" + (finished ? ", #f = :now" : "") + " ADD #d :n")
                    .conditionExpression("#c = :from")
                    .expressionAttributeNames(finished
                            ? Map.of("#c", part + "Cursor", "#d", part + "Done", "#f", part + "FinishedAt")
                            : Map.of("#c", part + "Cursor", "#d", part + "Done"))
                    .expressionAttributeValues(finished
                            ? Map.of(":to", n(toCursor), ":from", n(fromCursor), ":n", n(records),
                            ":now", n(now.toEpochMilli()))
                            : Map.of(":to", n(toCursor), ":from", n(fromCursor), ":n", n(records)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    /** Records of a part the portal's count says are still to come (never below zero), or empty if not started. */
    public OptionalLong expectedLeft(String memberId, String part) {
        Map<String, AttributeValue> item = reader.item(memberId, Keys.BACKFILL);
        if (item == null || !item.containsKey(part + "Total")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0,
                Attributes.longOrZero(item, part + "Total") - Attributes.longOrZero(item, part + "Done")));
    }

    /** The backfill's progress over its parts, or empty when none has started. */
    public Optional<BackfillProgress> load(String memberId) {
        Map<String, AttributeValue> item = reader.item(memberId, Keys.BACKFILL);
        if (item == null) {
            return Optional.empty();
        }
        Instant startedAt = null;
        long done = 0;
        long total = 0;
        boolean finished = true;
        for (String part : PARTS) {
            Long started = Attributes.longOrNull(item, part + "StartedAt");
            if (started == null) {
                finished = false;
                continue;
            }
            Instant partStart = Instant.ofEpochMilli(started);
            startedAt = startedAt == null || partStart.isBefore(startedAt) ? partStart : startedAt;
            done += Attributes.longOrZero(item, part + "Done");
            total += Attributes.longOrZero(item, part + "Total");
            finished &= item.containsKey(part + "FinishedAt");
        }
        return startedAt == null ? Optional.empty() : Optional.of(new BackfillProgress(startedAt, done, total, finished));
    }

    private UpdateItemRequest.Builder update(String memberId) {
        return UpdateItemRequest.builder().tableName(table).key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.BACKFILL)));
    }
}
