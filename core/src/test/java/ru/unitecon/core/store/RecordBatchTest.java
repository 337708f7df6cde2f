package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RecordStore#applyAll}: many records in few transactions, none over DynamoDB's 100 items, each as
 * consistent as a single apply; a transaction that meets another writer is redone record by record.
 */
class RecordBatchTest {
    private static final String[] SOURCES = {"CALL", "WEB", "ADVERTISING", "RECOMMENDATION", "EMAIL"};

    private final List<Integer> transactionSizes = new ArrayList<>();
    private final AtomicReference<Runnable> beforeFirstTransaction = new AtomicReference<>();
    private final DynamoDbClient watched = watching(LocalDynamo.client());
    private final RecordStore recordStore = new RecordStore(watched, LocalDynamo.TABLE, Clock.systemUTC());
    private final RecordStore otherWorker = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE,
            Clock.systemUTC());
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withZone(ZoneId.of("Europe/Moscow"));

    /** Passes every call through, recording the size of each transaction. */
    private DynamoDbClient watching(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")
                            && args[0] instanceof TransactWriteItemsRequest request) {
                        Runnable hook = beforeFirstTransaction.getAndSet(null);
                        if (hook != null) {
                            hook.run();
                        }
                        transactionSizes.add(request.transactItems().size());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static RecordSnapshot lead(long id, Long contact, String source, String modified) {
        Instant at = Instant.parse(modified);
        return RecordSnapshot.of(new LeadSnapshot(id, at.minusSeconds(86_400L * (id % 90)), at,
                LeadSource.ofSourceId(source), Semantic.IN_PROGRESS, contact, BigDecimal.ZERO, 3L, null), at);
    }

    private Map<AggregateKey, Counters> stored() {
        return PortalCells.stored(member);
    }

    private Map<AggregateKey, Counters> recomputed() {
        return PortalCells.recomputed(recordStore, member, settings);
    }

    @Test
    void twoHundredLeadsGoInAFewTransactionsOfAtMostAHundredItems() {
        List<RecordSnapshot> leads = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            leads.add(lead(id, id % 3 == 0 ? 900 + id % 7 : null, SOURCES[(int) (id % SOURCES.length)],
                    "2026-11-23T09:00:00Z"));
        }

        List<ApplyOutcome> outcomes = recordStore.applyAll(member, settings, leads);

        assertTrue(outcomes.stream().allMatch(o -> o == ApplyOutcome.APPLIED), outcomes.toString());
        assertEquals(200, recordStore.records().leads(member).size());
        assertTrue(transactionSizes.size() <= 20, transactionSizes.size() + " transactions");
        assertTrue(transactionSizes.stream().allMatch(size -> size <= RecordStore.MAX_TRANSACTION_ITEMS),
                transactionSizes.toString());
        assertEquals(recomputed(), stored());
    }

    @Test
    void aBatchAppliedAgainChangesNothingAndWritesNothing() {
        List<RecordSnapshot> leads = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            leads.add(lead(id, 700L + id % 4, SOURCES[(int) (id % SOURCES.length)], "2026-11-23T09:00:00Z"));
        }
        recordStore.applyAll(member, settings, leads);
        Map<AggregateKey, Counters> before = stored();
        transactionSizes.clear();

        List<ApplyOutcome> again = recordStore.applyAll(member, settings, leads);

        assertTrue(again.stream().allMatch(o -> o == ApplyOutcome.STALE), again.toString());
        assertEquals(List.of(), transactionSizes);
        assertEquals(before, stored());
    }

    @Test
    void aTransactionThatMeetsAnotherWriterIsRedoneRecordByRecord() {
        List<RecordSnapshot> first = new ArrayList<>();
        List<RecordSnapshot> second = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            first.add(lead(id, 800L, "CALL", "2026-11-23T09:00:00Z"));
            second.add(lead(id, 800L, "WEB", "2026-11-23T09:05:00Z"));
        }
        recordStore.applyAll(member, settings, first);
        // Between the batch's reads and its transaction, another worker moves lead 7 (and so the shared client).
        beforeFirstTransaction.set(() -> otherWorker.apply(member, settings,
                lead(7, 801L, "EMAIL", "2026-11-23T09:10:00Z")));

        List<ApplyOutcome> outcomes = recordStore.applyAll(member, settings, second);

        assertEquals(ApplyOutcome.STALE, outcomes.get(6), "lead 7 is newer on the other worker's side");
        assertEquals(29, outcomes.stream().filter(o -> o == ApplyOutcome.APPLIED).count());
        assertEquals(Instant.parse("2026-11-23T09:10:00Z"),
                recordStore.records().lead(member, 7).orElseThrow().modified());
        assertEquals(recomputed(), stored());
    }
}
