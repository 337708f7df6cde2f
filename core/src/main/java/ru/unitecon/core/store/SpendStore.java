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
 * Acquisition spend per month and channel, as managers enter it ({@value #SPEND}) and as the ad accounts' import sums
 * it ({@value #IMPORTED_SPEND}), kept as attributes of the month × channel aggregate item, so one query gives a
 * dashboard both counters and spend. Where a cell has both, the import wins and the typed figure is kept.
 */
public final class SpendStore {
    static final String SPEND = "spend";
    /**
     * The month × channel sum of imported campaign spend. Where it exists it is the cell's spend; the figure typed
     * by hand stays in {@value #SPEND}, kept and shown as overridden.
     */
    static final String IMPORTED_SPEND = "importedSpend";

    private final DynamoDbClient dynamo;
    private final String table;

    public SpendStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The spend that counts per cell: the imported sum where there is one, else the typed figure. */
    public Map<AggregateKey, BigDecimal> load(String memberId, YearMonth from, YearMonth to) {
        return new AggregateReader(dynamo, table).load(memberId, from, to).spend();
    }

    /** Both figures of each cell that has one, for showing where a typed figure is overridden by the import. */
    public Map<AggregateKey, SpendSources> sources(String memberId, YearMonth from, YearMonth to) {
        return new AggregateReader(dynamo, table).spendSources(memberId, from, to);
    }

    /**
     * Replaces the imported sums of each given month with exactly the given amounts, atomically; typed figures are
     * left as they are.
     */
    public void replaceImportedMonths(String memberId, Map<YearMonth, Map<String, BigDecimal>> spendByMonth) {
        List<TransactWriteItem> writes = new ArrayList<>();
        spendByMonth.forEach((month, amounts) -> {
            SortedMap<String, BigDecimal> checked = checked(amounts);
            sources(memberId, month, month).forEach((cell, sources) -> {
                if (sources.imported() != null && !checked.containsKey(cell.channel())) {
                    writes.add(update(memberId, cell, IMPORTED_SPEND, "REMOVE #s", Map.of()));
                }
            });
            checked.forEach((channel, amount) -> writes.add(update(memberId, new AggregateKey(month, channel),
                    IMPORTED_SPEND, "SET #s = :s", Map.of(":s", n(amount)))));
        });
        write(writes);
    }

    /**
     * Replaces the spend of each given month with exactly the given amounts, atomically: re-importing a month
     * replaces it, and a bad import leaves the old figures whole.
     */
    public void replaceMonths(String memberId, Map<YearMonth, Map<String, BigDecimal>> spendByMonth) {
        List<TransactWriteItem> writes = new ArrayList<>();
        spendByMonth.forEach((month, amounts) -> {
            SortedMap<String, BigDecimal> checked = checked(amounts);
            sources(memberId, month, month).forEach((cell, sources) -> {
                if (sources.typed() != null && !checked.containsKey(cell.channel())) {
                    writes.add(update(memberId, cell, SPEND, "REMOVE #s", Map.of()));
                }
            });
            checked.forEach((channel, amount) -> writes.add(update(memberId, new AggregateKey(month, channel),
                    SPEND, "SET #s = :s", Map.of(":s", n(amount)))));
        });
        write(writes);
    }

    private static SortedMap<String, BigDecimal> checked(Map<String, BigDecimal> amounts) {
        SortedMap<String, BigDecimal> checked = new TreeMap<>();
        amounts.forEach((channel, amount) -> checked.put(Channel.requireValidCode(channel),
                SpendAmount.requireValid(amount)));
        return checked;
    }

    private void write(List<TransactWriteItem> writes) {
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
        amounts.forEach((cell, amount) -> writes.add(update(memberId, cell, SPEND, "SET #s = :s",
                Map.of(":s", n(SpendAmount.requireValid(amount))))));
        if (!writes.isEmpty()) {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        }
    }

    /** At most this many months × channels change in one call. */
    public static int maxCellsPerChange() {
        return RecordStore.MAX_TRANSACTION_ITEMS;
    }

    private TransactWriteItem update(String memberId, AggregateKey cell, String attribute, String expression,
                                     Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.monthlyPartition(memberId)),
                        TableDefinition.SK, s(Keys.aggregate(cell))))
                .updateExpression(expression)
                .expressionAttributeNames(Map.of("#s", attribute));
        if (!values.isEmpty()) {
            update.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
