package ru.unitecon.core.store;

import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.Counters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static ru.unitecon.core.store.Attributes.s;

/**
 * Reads the monthly aggregates and spend of one portal. A dashboard costs two queries over months × channels
 * items, whatever the number of leads behind them.
 */
public final class AggregateReader {
    private static final Set<String> NOT_COUNTERS =
            Set.of(TableDefinition.PK, TableDefinition.SK, LedgerStore.UPDATED_AT);

    private final DynamoDbClient dynamo;
    private final String table;

    public AggregateReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public StoredAggregates load(String memberId, YearMonth from, YearMonth to) {
        Map<AggregateKey, Counters> counters = new HashMap<>();
        Instant[] newest = {null};
        range(memberId, Keys.AGG, from, to).forEach(item -> {
            Map<String, BigDecimal> values = new HashMap<>();
            item.forEach((name, value) -> {
                if (!NOT_COUNTERS.contains(name) && value.n() != null) {
                    values.put(name, new BigDecimal(value.n()));
                }
            });
            Counters cell = Counters.of(values);
            if (!cell.isZero()) {
                counters.put(Keys.monthAndChannel(item.get(TableDefinition.SK).s()), cell);
            }
            Instant updated = Attributes.instant(item, LedgerStore.UPDATED_AT);
            if (updated != null && (newest[0] == null || updated.isAfter(newest[0]))) {
                newest[0] = updated;
            }
        });
        return new StoredAggregates(counters, new SpendStore(dynamo, table).load(memberId, from, to), newest[0]);
    }

    Iterable<Map<String, AttributeValue>> range(String memberId, String prefix, YearMonth from, YearMonth to) {
        // '~' sorts after every character a channel code may contain, so the range ends after the last month's cells.
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.monthlyPartition(memberId)),
                        ":from", s(prefix + from),
                        ":to", s(prefix + to + "#~")))
                .build()).items();
    }
}
