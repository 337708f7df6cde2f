package ru.unitecon.core.store;

import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.portal.Decimals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/** Acquisition spend per month and channel, as managers enter or import it. */
public final class SpendStore {
    private static final String AMOUNT = "amount";

    private final DynamoDbClient dynamo;
    private final String table;

    public SpendStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Map<AggregateKey, BigDecimal> load(String memberId, YearMonth from, YearMonth to) {
        Map<AggregateKey, BigDecimal> spend = new HashMap<>();
        new AggregateReader(dynamo, table).range(memberId, Keys.SPEND, from, to).forEach(item ->
                spend.put(Keys.monthAndChannel(item.get(TableDefinition.SK).s()),
                        Decimals.normalized(Attributes.decimal(item, AMOUNT))));
        return spend;
    }

    /**
     * Replaces the spend of each given month with exactly the given amounts, atomically: re-importing a month
     * replaces it, and a bad import leaves the old figures whole.
     */
    public void replaceMonths(String memberId, Map<YearMonth, Map<String, BigDecimal>> spendByMonth) {
        List<TransactWriteItem> writes = new ArrayList<>();
        spendByMonth.forEach((month, amounts) -> {
            SortedMap<String, BigDecimal> checked = new TreeMap<>();
            amounts.forEach((channel, amount) -> checked.put(Channel.requireValidCode(channel), requireValid(amount)));
            load(memberId, month, month).keySet().stream()
                    .filter(existing -> !checked.containsKey(existing.channel()))
                    .forEach(stale -> writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(key(memberId, month, stale.channel())).build()).build()));
            checked.forEach((channel, amount) -> {
                Map<String, AttributeValue> item = new HashMap<>(key(memberId, month, channel));
                item.put(AMOUNT, n(amount));
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build())
                        .build());
            });
        });
        if (writes.isEmpty()) {
            return;
        }
        if (writes.size() > LedgerStore.MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("too many spend rows for one change: split the import by month");
        }
        dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    }

    private Map<String, AttributeValue> key(String memberId, YearMonth month, String channel) {
        return Map.of(TableDefinition.PK, s(Keys.monthlyPartition(memberId)),
                TableDefinition.SK, s(Keys.spend(month, channel)));
    }

    private static BigDecimal requireValid(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("spend must be zero or more");
        }
        if (amount.scale() > 2) {
            throw new IllegalArgumentException("spend has at most two decimal places");
        }
        return amount;
    }
}
