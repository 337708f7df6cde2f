package ru.unitecon.core.store;

import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.currency.SpendAmount;
import ru.unitecon.core.bookkeeping.AggregateKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * Acquisition spend per month and channel, as managers enter or import it. It is kept as the {@value #SPEND}
 * attribute of the month × channel aggregate item, so one query gives a dashboard both counters and spend.
 */
public final class SpendStore {
    static final String SPEND = "spend";

    private final DynamoDbClient dynamo;
    private final String table;

    public SpendStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Map<AggregateKey, BigDecimal> load(String memberId, YearMonth from, YearMonth to) {
        return new AggregateReader(dynamo, table).load(memberId, from, to).spend();
    }

    /**
     * Replaces the spend of each given month with exactly the given amounts, atomically: re-importing a month
     * replaces it, and a bad import leaves the old figures whole.
     */
    public void replaceMonths(String memberId, Map<YearMonth, Map<String, BigDecimal>> spendByMonth) {
        List<TransactWriteItem> writes = new ArrayList<>();
        spendByMonth.forEach((month, amounts) -> {
            SortedMap<String, BigDecimal> checked = new TreeMap<>();
            amounts.forEach((channel, amount) -> checked.put(Channel.requireValidCode(channel),
                    SpendAmount.requireValid(amount)));
            load(memberId, month, month).keySet().stream()
                    .filter(existing -> !checked.containsKey(existing.channel()))
                    .forEach(stale -> writes.add(update(memberId, stale, "REMOVE #s", Map.of())));
            checked.forEach((channel, amount) -> writes.add(update(memberId, new AggregateKey(month, channel),
                    "SET #s = :s", Map.of(":s", n(amount)))));
        });
        if (writes.isEmpty()) {
            return;
        }
        if (writes.size() > RecordStore.MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("too many spend rows for one change: split the import by month");
        }
        dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    }

    /**
     * Sets the spend of each given month and channel, atomically, leaving every other cell as it is: what the
     * Spend API posts replaces exactly the months and channels it names.
     */
    public void replaceCells(String memberId, Map<AggregateKey, BigDecimal> amounts) {
        if (amounts.size() > RecordStore.MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("too many spend cells for one change: split it by month");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        amounts.forEach((cell, amount) -> writes.add(update(memberId, cell, "SET #s = :s",
                Map.of(":s", n(SpendAmount.requireValid(amount))))));
        if (!writes.isEmpty()) {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        }
    }

    /** At most this many months × channels change in one call. */
    public static int maxCellsPerChange() {
        return RecordStore.MAX_TRANSACTION_ITEMS;
    }

    private TransactWriteItem update(String memberId, AggregateKey cell, String expression,
                                     Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.monthlyPartition(memberId)),
                        TableDefinition.SK, s(Keys.aggregate(cell))))
                .updateExpression(expression)
                .expressionAttributeNames(Map.of("#s", SPEND));
        if (!values.isEmpty()) {
            update.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
