package ru.unitecon.core.store;

import ru.unitecon.core.ledger.ClientState;
import ru.unitecon.core.ledger.CrmRecord;
import ru.unitecon.core.ledger.DealRecord;
import ru.unitecon.core.ledger.LeadRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static ru.unitecon.core.store.Attributes.s;

/** Reads one portal's records; every read names the portal's partition. */
public final class RecordReader {
    private final DynamoDbClient dynamo;
    private final String table;

    RecordReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Map<String, AttributeValue> item(String memberId, String sortKey) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(sortKey)))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    public Optional<LeadRecord> lead(String memberId, long id) {
        return Optional.ofNullable(item(memberId, Keys.lead(id))).map(RecordCodec::lead);
    }

    public Optional<DealRecord> deal(String memberId, long id) {
        return Optional.ofNullable(item(memberId, Keys.deal(id))).map(RecordCodec::deal);
    }

    /** A lead or deal by its place in a client ({@code L42}, {@code D7}). */
    public Optional<CrmRecord> record(String memberId, String recordKey) {
        long id = Long.parseLong(recordKey.substring(1));
        return switch (recordKey.charAt(0)) {
            case 'L' -> lead(memberId, id).map(CrmRecord.class::cast);
            case 'D' -> deal(memberId, id).map(CrmRecord.class::cast);
            default -> throw new IllegalArgumentException("not a record key: " + recordKey);
        };
    }

    public Optional<ClientState> client(String memberId, String clientKey) {
        return Optional.ofNullable(item(memberId, Keys.client(clientKey))).map(item -> RecordCodec.client(clientKey, item));
    }

    /** Every stored lead of the portal, tombstones included. */
    public List<LeadRecord> leads(String memberId) {
        return withPrefix(memberId, Keys.LEAD, RecordCodec::lead);
    }

    public List<DealRecord> deals(String memberId) {
        return withPrefix(memberId, Keys.DEAL, RecordCodec::deal);
    }

    <T> List<T> withPrefix(String memberId, String prefix, Function<Map<String, AttributeValue>, T> decode) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.partition(memberId)), ":prefix", s(prefix)))
                        .consistentRead(true).build())
                .items().stream().map(decode).toList();
    }
}
