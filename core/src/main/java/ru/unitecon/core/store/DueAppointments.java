package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * Reads the appointments-due index: one query per UTC hour bucket, across all portals, so the scheduler finds what
 * is due without reading any portal's leads. The index is eventually consistent; callers re-read the record.
 */
public final class DueAppointments {
    private final DynamoDbClient dynamo;
    private final String table;

    public DueAppointments(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** An indexed appointment: its portal, its record ({@code L42}, {@code D7}) and the visit time. */
    public record Entry(String memberId, String recordKey, Instant time) {
    }

    /** The indexed appointments with a visit time in {@code [from, to)}, hour by hour. */
    public List<Entry> between(Instant from, Instant to) {
        List<Entry> entries = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(TableDefinition.DUE_INDEX)
                            .keyConditionExpression(TableDefinition.DUE_PK + " = :b")
                            .expressionAttributeValues(Map.of(":b", s(DueIndex.bucket(hour))))
                            .build())
                    .items().stream()
                    .map(DueAppointments::entry)
                    .filter(entry -> !entry.time().isBefore(from) && entry.time().isBefore(to))
                    .forEach(entries::add);
        }
        return entries;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        String[] parts = string(item, TableDefinition.DUE_SK).split("#", 3);
        return new Entry(parts[1], parts[2], Instant.parse(parts[0]));
    }
}
