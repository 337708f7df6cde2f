package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.CampaignCell;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.portal.Decimals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static ru.unitecon.core.store.Attributes.s;

/**
 * Reads the monthly aggregates and spend of one portal: one query over its monthly partition, months × channels
 * items, whatever the number of leads behind them. Cohort counters are separate items, read only for cohorts.
 */
public final class AggregateReader {
    private static final Set<String> NOT_COUNTERS = Set.of(TableDefinition.PK, TableDefinition.SK,
            RecordStore.UPDATED_AT, SpendStore.SPEND, SpendStore.IMPORTED_SPEND);

    private static final int MONTHS_PER_YEAR = 12;
    /** Before any portal's data: the first month a read "from the beginning" starts at. */
    private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    private final DynamoDbClient dynamo;
    private final String table;

    public AggregateReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The monthly counters (cohort counters left out), spend and "data as of" of the months from..to. */
    public StoredAggregates load(String memberId, YearMonth from, YearMonth to) {
        Map<AggregateKey, Counters> counters = new HashMap<>();
        Map<AggregateKey, BigDecimal> spend = new HashMap<>();
        Instant newest = null;
        for (Map<String, AttributeValue> item : range(memberId, Keys.AGG, from, to)) {
            AggregateKey cell = Keys.monthAndChannel(item.get(TableDefinition.SK).s());
            Counters cellCounters = counters(item);
            if (!cellCounters.isZero()) {
                counters.put(cell, cellCounters);
            }
            SpendSources sources = spendSources(item);
            if (sources != null) {
                spend.put(cell, sources.counted());
            }
            Instant updated = Attributes.instant(item, RecordStore.UPDATED_AT);
            if (updated != null && (newest == null || updated.isAfter(newest))) {
                newest = updated;
            }
        }
        return new StoredAggregates(counters, spend, newest);
    }

    /** The typed and imported spend of each cell of the months from..to that has either. */
    public Map<AggregateKey, SpendSources> spendSources(String memberId, YearMonth from, YearMonth to) {
        Map<AggregateKey, SpendSources> cells = new HashMap<>();
        for (Map<String, AttributeValue> item : range(memberId, Keys.AGG, from, to)) {
            SpendSources sources = spendSources(item);
            if (sources != null) {
                cells.put(Keys.monthAndChannel(item.get(TableDefinition.SK).s()), sources);
            }
        }
        return cells;
    }

    private static SpendSources spendSources(Map<String, AttributeValue> item) {
        BigDecimal typed = item.containsKey(SpendStore.SPEND)
                ? Decimals.normalized(Attributes.decimal(item, SpendStore.SPEND)) : null;
        BigDecimal imported = item.containsKey(SpendStore.IMPORTED_SPEND)
                ? Decimals.normalized(Attributes.decimal(item, SpendStore.IMPORTED_SPEND)) : null;
        return typed == null && imported == null ? null : new SpendSources(typed, imported);
    }

    /** The cohort counters (revenue and orders by age) of clients acquired in the months from..to. */
    public Map<AggregateKey, Counters> cohorts(String memberId, YearMonth from, YearMonth to) {
        Map<AggregateKey, Counters> cohorts = new HashMap<>();
        for (Map<String, AttributeValue> item : range(memberId, Keys.COHORT, from, to)) {
            Counters cell = counters(item);
            if (!cell.isZero()) {
                cohorts.put(Keys.monthAndChannel(item.get(TableDefinition.SK).s()), cell);
            }
        }
        return cohorts;
    }

    /**
     * The counters per month and normalized UTM_CAMPAIGN value of the months from..to: one item per value a month's
     * leads or clients carried.
     */
    public Map<CampaignCell, Counters> campaigns(String memberId, YearMonth from, YearMonth to) {
        Map<CampaignCell, Counters> cells = new HashMap<>();
        // The first key of the month after the range ends it, whatever characters the values hold.
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.monthlyPartition(memberId)),
                        ":from", s(Keys.CAMPAIGN_AGG + from),
                        ":to", s(Keys.CAMPAIGN_AGG + to.plusMonths(1))))
                .build()).items().forEach(item -> {
                    Counters counters = counters(item);
                    if (!counters.isZero()) {
                        cells.put(Keys.campaignCell(item.get(TableDefinition.SK).s()), counters);
                    }
                });
        return cells;
    }

    /** The counters per month and UTM_CAMPAIGN value of every month up to {@code to}, for activity spells. */
    public Map<CampaignCell, Counters> campaignsUpTo(String memberId, YearMonth to) {
        return campaigns(memberId, FIRST_MONTH, to);
    }

    /**
     * The cohort counters of every month up to {@code to}, for the retention view: its items are the widest (a
     * counter per master and measure), so the last year and the months before it are read by two queries at once.
     */
    public Map<AggregateKey, Counters> cohortsUpTo(String memberId, YearMonth to) {
        YearMonth lastYear = to.minusMonths(MONTHS_PER_YEAR - 1);
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Map<AggregateKey, Counters>> earlier =
                    both.submit(() -> cohorts(memberId, FIRST_MONTH, lastYear.minusMonths(1)));
            Map<AggregateKey, Counters> cells = new HashMap<>(cohorts(memberId, lastYear, to));
            cells.putAll(earlier.get());
            return cells;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnreachable(new IllegalStateException("interrupted while reading the cohort items", e));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new StoreUnreachable(new IllegalStateException(e.getCause()));
        }
    }

    private Iterable<Map<String, AttributeValue>> range(String memberId, String prefix, YearMonth from, YearMonth to) {
        // '~' sorts after every character a channel code may contain, so the range ends after the last month's cells.
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.monthlyPartition(memberId)),
                        ":from", s(prefix + from),
                        ":to", s(prefix + to + "#~")))
                .build()).items();
    }

    static Counters counters(Map<String, AttributeValue> item) {
        Map<String, BigDecimal> values = new HashMap<>();
        item.forEach((name, value) -> {
            if (!NOT_COUNTERS.contains(name) && value.n() != null) {
                values.put(name, new BigDecimal(value.n()));
            }
        });
        return Counters.of(values);
    }
}
