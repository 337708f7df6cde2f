package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.portal.PortalSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * Recounts a portal from its stored records after a settings change that the incremental bookkeeping cannot follow
 * (channel rules, first or last touch, what an order is, the active window, the time zone, the reporting currency):
 * reclassifies every record, converts amounts not yet in the reporting currency (all of them after it changed, and
 * those whose currency the portal has begun to rate), rebuilds the clients, and sets every monthly and cohort counter
 * to what the records add up to under the new settings. Spend is left as it is.
 *
 * <p>Records and clients are written conditionally on the version read. A change the sync function applies
 * meanwhile either fails such a condition or shows up as a new version when the pass ends; either way the pass is
 * repeated, so the counters end equal to the recomputation of the records as they then are.
 */
public final class RecordsRecount {
    private static final int MAX_PASSES = 5;
    private static final Set<String> NOT_COUNTERS = Set.of(TableDefinition.PK, TableDefinition.SK,
            RecordStore.UPDATED_AT, SpendStore.SPEND, SpendStore.IMPORTED_SPEND);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final RecordReader reader;

    public RecordsRecount(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.reader = new RecordReader(dynamo, table);
    }

    /** Whether going from one portal's settings to others changes what its records add to the aggregates. */
    public static boolean isNeeded(PortalSettings before, PortalSettings after) {
        return !before.channelRules().equals(after.channelRules()) || before.attribution() != after.attribution()
                || before.orderSource() != after.orderSource()
                || before.activeWindowMonths() != after.activeWindowMonths() || !before.zone().equals(after.zone())
                || before.retention().secondVisitDays() != after.retention().secondVisitDays()
                || !before.currency().equals(after.currency());
    }

    /**
     * @return whether a pass ended with no record changed behind it; false after {@value #MAX_PASSES} raced passes,
     *         when the caller should try again later
     */
    public boolean rebuild(String memberId, PortalSettings settings) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (tryPass(memberId, settings)) {
                return true;
            }
        }
        return false;
    }

    private boolean tryPass(String memberId, PortalSettings settings) {
        Bookkeeping bookkeeping = new Bookkeeping(settings);
        Map<String, Long> versions = new HashMap<>();
        List<LeadRecord> leads = new ArrayList<>();
        List<DealRecord> deals = new ArrayList<>();
        try {
            for (Map<String, AttributeValue> item : reader.withPrefix(memberId, Keys.LEAD, item -> item)) {
                LeadRecord stored = RecordCodec.lead(item);
                LeadRecord lead = stored.recounted(settings);
                long version = Attributes.longOrZero(item, RecordCodec.VERSION);
                if (lead != stored) {
                    putRecord(RecordCodec.leadItem(memberId, lead, version + 1), version);
                    version++;
                }
                versions.put(Keys.lead(lead.id()), version);
                leads.add(lead);
            }
            for (Map<String, AttributeValue> item : reader.withPrefix(memberId, Keys.DEAL, item -> item)) {
                DealRecord stored = RecordCodec.deal(item);
                DealRecord deal = stored.recounted(settings);
                long version = Attributes.longOrZero(item, RecordCodec.VERSION);
                if (deal != stored) {
                    putRecord(RecordCodec.dealItem(memberId, deal, version + 1), version);
                    version++;
                }
                versions.put(Keys.deal(deal.id()), version);
                deals.add(deal);
            }
            rewriteClients(memberId, bookkeeping.clients(leads, deals));
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
        setCounters(memberId, bookkeeping.recompute(leads, deals));
        return versions.equals(currentVersions(memberId));
    }

    private void putRecord(Map<String, AttributeValue> item, long readVersion) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression(RecordStore.versionCondition(true))
                .expressionAttributeNames(Map.of("#ver", RecordCodec.VERSION))
                .expressionAttributeValues(Map.of(":ver", n(readVersion))).build());
    }

    private void rewriteClients(String memberId, Map<String, ClientState> clients) {
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        for (Map<String, AttributeValue> item : reader.withPrefix(memberId, Keys.CLIENT, item -> item)) {
            stored.put(item.get(TableDefinition.SK).s().substring(Keys.CLIENT.length()), item);
        }
        clients.forEach((key, client) -> {
            Map<String, AttributeValue> item = stored.remove(key);
            long version = item == null ? 0 : Attributes.longOrZero(item, RecordCodec.VERSION);
            if (item != null && RecordCodec.client(key, item).equals(client)) {
                return;
            }
            PutItemRequest.Builder put = PutItemRequest.builder().tableName(table)
                    .item(RecordCodec.clientItem(memberId, client, version + 1))
                    .conditionExpression(RecordStore.versionCondition(item != null));
            if (item != null) {
                put.expressionAttributeNames(Map.of("#ver", RecordCodec.VERSION))
                        .expressionAttributeValues(Map.of(":ver", n(version)));
            }
            dynamo.putItem(put.build());
        });
        stored.forEach((key, item) -> dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(Keys.client(key))))
                .conditionExpression(RecordStore.versionCondition(true))
                .expressionAttributeNames(Map.of("#ver", RecordCodec.VERSION))
                .expressionAttributeValues(Map.of(":ver", n(Attributes.longOrZero(item, RecordCodec.VERSION))))
                .build()));
    }

    /**
     * Sets each aggregate, cohort and campaign item's counters to the recomputed ones; items that lose all keep their
     * spend.
     * Public so that the dashboard benchmark can write aggregates of a million synthetic leads the way a rebuild does.
     */
    public void setCounters(String memberId, Contribution recomputed) {
        Map<String, Counters> wanted = new HashMap<>();
        recomputed.cells().forEach((cell, counters) -> {
            if (!counters.monthlyPart().isZero()) {
                wanted.put(Keys.aggregate(cell), counters.monthlyPart());
            }
            if (!counters.cohortPart().isZero()) {
                wanted.put(Keys.cohort(cell), counters.cohortPart());
            }
        });
        recomputed.campaignCells().forEach((cell, counters) -> wanted.put(Keys.campaignAggregate(cell), counters));
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.monthlyPartition(memberId))))
                        .consistentRead(true).build())
                .items().forEach(item -> stored.put(item.get(TableDefinition.SK).s(), item));
        Set<String> sortKeys = new TreeSet<>(wanted.keySet());
        stored.keySet().stream().filter(key -> key.startsWith(Keys.AGG) || key.startsWith(Keys.COHORT)
                        || key.startsWith(Keys.CAMPAIGN_AGG))
                .forEach(sortKeys::add);
        String now = clock.instant().toString();
        for (String sortKey : sortKeys) {
            Map<String, AttributeValue> item = stored.getOrDefault(sortKey, Map.of());
            Counters target = wanted.getOrDefault(sortKey, Counters.ZERO);
            if (AggregateReader.counters(item).equals(target)) {
                continue;
            }
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            List<String> sets = new ArrayList<>();
            List<String> removes = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, BigDecimal> counter : target.asMap().entrySet()) {
                names.put("#c" + i, counter.getKey());
                values.put(":c" + i, n(counter.getValue()));
                sets.add("#c" + i + " = :c" + i);
                i++;
            }
            for (String name : item.keySet()) {
                if (!NOT_COUNTERS.contains(name) && !target.asMap().containsKey(name)) {
                    names.put("#c" + i, name);
                    removes.add("#c" + i);
                    i++;
                }
            }
            names.put("#u", RecordStore.UPDATED_AT);
            values.put(":u", s(now));
            sets.add("#u = :u");
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(Map.of(TableDefinition.PK, s(Keys.monthlyPartition(memberId)), TableDefinition.SK, s(sortKey)))
                    .updateExpression("SET " + String.join(", ", sets)
                            + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes)))
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
        }
    }

    private Map<String, Long> currentVersions(String memberId) {
        Map<String, Long> versions = new HashMap<>();
        for (String prefix : List.of(Keys.LEAD, Keys.DEAL)) {
            for (Map<String, AttributeValue> item : reader.withPrefix(memberId, prefix, item -> item)) {
                versions.put(item.get(TableDefinition.SK).s(), Attributes.longOrZero(item, RecordCodec.VERSION));
            }
        }
        return versions;
    }
}
