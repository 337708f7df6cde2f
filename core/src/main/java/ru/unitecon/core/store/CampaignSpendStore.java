package ru.unitecon.core.store;

import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.ads.CampaignMonthSpend;
import ru.unitecon.core.portal.Decimals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static ru.unitecon.core.store.Attributes.decimal;
import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * Imported advertising spend per campaign per day, in the portal's own partition {@code P#{member}#ADS}: one item
 * per day × campaign, so re-importing a day replaces exactly that account's rows for it.
 */
public final class CampaignSpendStore {
    private static final String PLATFORM = "platform";
    private static final String ACCOUNT = "account";
    private static final String CAMPAIGN = "campaign";
    private static final String NAME = "name";
    private static final String AMOUNT = "amount";

    private final DynamoDbClient dynamo;
    private final String table;

    public CampaignSpendStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Makes each given day of the account hold exactly the given campaigns: campaigns no longer present that day
     * are removed, so importing a day twice gives the same rows. A day with an empty list is emptied. Each day
     * changes in one transaction when its rows fit in one.
     *
     * @throws IllegalArgumentException when a row is of another account or another day than the one it is given for
     */
    public void replaceDays(String memberId, AdAccount account, Map<LocalDate, List<CampaignDaySpend>> days) {
        days.forEach((day, rows) -> rows.forEach(row -> {
            if (!row.campaign().account().equals(account) || !row.day().equals(day)) {
                throw new IllegalArgumentException("a spend row of " + row.campaign() + " on " + row.day()
                        + " was given for " + account + " on " + day);
            }
        }));
        days.forEach((day, rows) -> replaceDay(memberId, account, day, rows));
    }

    /** Every stored campaign day from..to (both included), by day, platform, account and campaign. */
    public List<CampaignDaySpend> days(String memberId, LocalDate from, LocalDate to) {
        List<CampaignDaySpend> days = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(memberId, Keys.adSpendDay(from), Keys.adSpendDay(to) + "#~")) {
            days.add(decode(item));
        }
        return days;
    }

    /**
     * Each campaign's spend per month, the months from..to; a campaign is named as on its latest stored day of
     * the month.
     */
    public List<CampaignMonthSpend> months(String memberId, YearMonth from, YearMonth to) {
        Map<MonthOfCampaign, BigDecimal> sums = new LinkedHashMap<>();
        Map<MonthOfCampaign, String> names = new HashMap<>();
        for (CampaignDaySpend day : days(memberId, from.atDay(1), to.atEndOfMonth())) {
            MonthOfCampaign cell = new MonthOfCampaign(day.campaign(), YearMonth.from(day.day()));
            sums.merge(cell, day.amount(), BigDecimal::add);
            names.put(cell, day.campaignName());
        }
        return sums.entrySet().stream()
                .map(e -> new CampaignMonthSpend(e.getKey().campaign(), names.get(e.getKey()), e.getKey().month(),
                        Decimals.normalized(e.getValue())))
                .sorted(Comparator.comparing(CampaignMonthSpend::month)
                        .thenComparing(m -> m.campaign().platform())
                        .thenComparing(m -> m.campaign().accountId())
                        .thenComparing(m -> m.campaign().campaignId()))
                .toList();
    }

    private void replaceDay(String memberId, AdAccount account, LocalDate day, List<CampaignDaySpend> rows) {
        String prefix = Keys.adSpendAccountDay(day, account.platform().code(), account.accountId());
        Map<String, CampaignDaySpend> wanted = rows.stream().collect(Collectors.toMap(
                row -> Keys.adSpend(day, account.platform().code(), account.accountId(), row.campaign().campaignId()),
                row -> row, (first, second) -> {
                    throw new IllegalArgumentException("campaign " + first.campaign() + " twice on " + day);
                }, LinkedHashMap::new));
        List<TransactWriteItem> writes = new ArrayList<>();
        wanted.forEach((sortKey, row) -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(encode(memberId, sortKey, row)).build()).build()));
        List<String> stale = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(memberId, prefix, prefix + "~")) {
            String sortKey = item.get(TableDefinition.SK).s();
            if (!wanted.containsKey(sortKey)) {
                stale.add(sortKey);
            }
        }
        stale.forEach(sortKey -> writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(memberId, sortKey)).build()).build()));
        // A day of one account rarely has more campaigns than a transaction takes; if it does, it is written in parts
        // (puts before deletes), and a re-run of the import still ends with exactly the given rows.
        for (int from = 0; from < writes.size(); from += RecordStore.MAX_TRANSACTION_ITEMS) {
            List<TransactWriteItem> part = writes.subList(from,
                    Math.min(from + RecordStore.MAX_TRANSACTION_ITEMS, writes.size()));
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(part).build());
        }
    }

    private Iterable<Map<String, AttributeValue>> query(String memberId, String fromKey, String toKey) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.adsPartition(memberId)), ":from", s(fromKey), ":to", s(toKey)))
                .consistentRead(true)
                .build()).items();
    }

    private Map<String, AttributeValue> key(String memberId, String sortKey) {
        return Map.of(TableDefinition.PK, s(Keys.adsPartition(memberId)), TableDefinition.SK, s(sortKey));
    }

    private Map<String, AttributeValue> encode(String memberId, String sortKey, CampaignDaySpend row) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, sortKey));
        item.put(PLATFORM, s(row.campaign().platform().code()));
        item.put(ACCOUNT, s(row.campaign().accountId()));
        item.put(CAMPAIGN, s(row.campaign().campaignId()));
        item.put(NAME, s(row.campaignName()));
        item.put(AMOUNT, n(row.amount()));
        return item;
    }

    private static CampaignDaySpend decode(Map<String, AttributeValue> item) {
        String sortKey = item.get(TableDefinition.SK).s();
        CampaignKey campaign = new CampaignKey(AdPlatform.ofCode(string(item, PLATFORM)), string(item, ACCOUNT),
                string(item, CAMPAIGN));
        return new CampaignDaySpend(campaign, string(item, NAME), Keys.adSpendDayOf(sortKey),
                Decimals.normalized(decimal(item, AMOUNT)));
    }

    private record MonthOfCampaign(CampaignKey campaign, YearMonth month) {
    }
}
