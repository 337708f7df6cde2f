package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A long-time client with 150 orders moves channel: the difference touches hundreds of monthly and cohort items,
 * more than one DynamoDB transaction holds. The record and the client are written, the portal is marked for a
 * recount, and nothing fails; the recount then sets the aggregates to what the records add up to.
 */
class OversizedChangeTest {
    private static final long CONTACT = 500;
    private static final long LEAD = 1;
    private static final int ORDERS = 150;
    private static final Instant FIRST_TOUCH = Instant.parse("2013-01-05T09:00:00Z");

    private final RecordStore recordStore = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
    private final RecordsRecount rebuild = new RecordsRecount(LocalDynamo.client(), LocalDynamo.TABLE,
            Clock.systemUTC());
    private final SyncStateStore state = new SyncStateStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withZone(ZoneId.of("Europe/Moscow"));

    private static LeadSnapshot clientsLead(LeadSource source, Instant modified) {
        return new LeadSnapshot(LEAD, FIRST_TOUCH, modified, source, Semantic.SUCCESS, CONTACT, BigDecimal.ZERO, 3L,
                null);
    }

    /** One won deal a month for 150 months, each its own order. */
    private void clientWithAHundredAndFiftyOrders() {
        recordStore.apply(member, settings, clientsLead(LeadSource.ofSourceId("CALL"), FIRST_TOUCH));
        List<RecordSnapshot> deals = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Instant closed = FIRST_TOUCH.atOffset(ZoneOffset.UTC).plusMonths(i + 1L).toInstant();
            deals.add(RecordSnapshot.of(new DealSnapshot(1000 + i, closed.minusSeconds(3600), closed,
                    LeadSource.ofSourceId("CALL"), Semantic.SUCCESS, CONTACT, null, new BigDecimal("2500.00"),
                    closed.atOffset(ZoneOffset.UTC).toLocalDate(), 3L, null), null));
        }
        recordStore.applyAll(member, settings, deals);
    }

    private Map<AggregateKey, Counters> stored() {
        return PortalCells.stored(member);
    }

    private Map<AggregateKey, Counters> recomputed() {
        return PortalCells.recomputed(recordStore, member, settings);
    }

    private long orders(String channel) {
        return stored().entrySet().stream().filter(e -> e.getKey().channel().equals(channel))
                .mapToLong(e -> e.getValue().count(Measure.ORDERS)).sum();
    }

    @Test
    void theClientBuildsUpThroughBatchesThatStayWithinTheTransactionLimit() {
        clientWithAHundredAndFiftyOrders();

        assertEquals(recomputed(), stored());
        assertEquals(ORDERS, orders(Channel.CALL));
        assertNull(state.load(member).recountRequestedAt());
    }

    @Test
    void movingChannelWritesTheRecordAndTheClientAndMarksThePortalForARecount() {
        clientWithAHundredAndFiftyOrders();
        Instant moved = Instant.parse("2026-11-23T09:00:00Z");

        ApplyOutcome outcome = recordStore.apply(member, settings,
                clientsLead(LeadSource.ofUtm("telegram", "social", null), moved));

        assertEquals(ApplyOutcome.RECOUNT_NEEDED, outcome);
        assertEquals(Channel.TELEGRAM, recordStore.records().lead(member, LEAD).orElseThrow().channel());
        assertEquals(moved, recordStore.records().lead(member, LEAD).orElseThrow().modified());
        assertNotNull(state.load(member).recountRequestedAt());
        assertNotEquals(recomputed(), stored(), "the aggregates wait for the recount");

        assertEquals(ApplyOutcome.STALE, recordStore.apply(member, settings,
                clientsLead(LeadSource.ofUtm("telegram", "social", null), moved)), "a replay changes nothing");

        Instant recountStarted = Instant.now();
        assertEquals(true, rebuild.rebuild(member, settings));
        state.recountDone(member, recountStarted);

        assertEquals(recomputed(), stored());
        assertEquals(ORDERS, orders(Channel.TELEGRAM));
        assertEquals(0, orders(Channel.CALL));
        assertNull(state.load(member).recountRequestedAt());
    }

    @Test
    void inABatchTheOtherRecordsAreAppliedAndOnlyTheOversizedChangeWaitsForTheRecount() {
        clientWithAHundredAndFiftyOrders();
        Instant moved = Instant.parse("2026-11-23T09:00:00Z");
        List<RecordSnapshot> batch = new ArrayList<>();
        for (long id = 2; id <= 40; id++) {
            batch.add(RecordSnapshot.of(new LeadSnapshot(id, moved.minusSeconds(86_400 * id), moved,
                    LeadSource.ofSourceId("WEB"), Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 3L, null), null));
        }
        batch.add(20, RecordSnapshot.of(clientsLead(LeadSource.ofUtm("telegram", "social", null), moved), null));

        List<ApplyOutcome> outcomes = recordStore.applyAll(member, settings, batch);

        assertEquals(ApplyOutcome.RECOUNT_NEEDED, outcomes.get(20));
        assertEquals(39, outcomes.stream().filter(o -> o == ApplyOutcome.APPLIED).count());
        assertEquals(40, recordStore.records().leads(member).size());

        Instant recountStarted = Instant.now();
        rebuild.rebuild(member, settings);
        state.recountDone(member, recountStarted);
        assertEquals(recomputed(), stored());
        assertEquals(ORDERS, orders(Channel.TELEGRAM));
    }

    @Test
    void aMarkSetAfterTheRecountStartedStaysForTheNextRecount() {
        clientWithAHundredAndFiftyOrders();
        Instant recountStarted = Instant.now().minusSeconds(60);

        recordStore.apply(member, settings, clientsLead(LeadSource.ofUtm("telegram", "social", null),
                Instant.parse("2026-11-23T09:00:00Z")));
        state.recountDone(member, recountStarted);

        assertNotNull(state.load(member).recountRequestedAt());
    }
}
