package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordStoreTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final RecordStore recordStore = new RecordStore(dynamo, LocalDynamo.TABLE, Clock.systemUTC());
    private final AggregateReader aggregates = new AggregateReader(dynamo, LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults();

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    private static LeadSnapshot lead(long id, String created, String modified, LeadSource source, Long contactId,
                                     AppointmentObservation appointment) {
        return new LeadSnapshot(id, at(created), at(modified), source, Semantic.IN_PROGRESS, contactId,
                BigDecimal.ZERO, 7L, appointment);
    }

    private static DealSnapshot wonDeal(long id, Long contactId, Long leadId, String amount, String closed,
                                        String modified) {
        return new DealSnapshot(id, at(closed), at(modified), LeadSource.ofSourceId("CALL"), Semantic.SUCCESS,
                contactId, leadId, new BigDecimal(amount), OffsetDateTime.parse(closed).toLocalDate(), 7L, null);
    }

    private Counters cell(YearMonth month, String channel) {
        return aggregates.load(member, month, month).counters()
                .getOrDefault(new AggregateKey(month, channel), Counters.ZERO);
    }

    @Test
    void aLeadCountsOnceInItsCreationMonthUnderItsChannel() {
        recordStore.apply(member, settings, lead(1, "2026-03-10T10:00:00+03:00", "2026-03-10T10:00:00+03:00",
                LeadSource.ofUtm("instagram", "cpc", "spring"), null, null));

        assertEquals(1, cell(MARCH, Channel.INSTAGRAM).count(Measure.LEADS));
    }

    @Test
    void aReplayedSnapshotChangesNothing() {
        LeadSnapshot snapshot = lead(1, "2026-03-10T10:00:00+03:00", "2026-03-10T10:00:00+03:00",
                LeadSource.ofUtm("vk", null, null), null, null);
        assertEquals(ApplyOutcome.APPLIED, recordStore.apply(member, settings, snapshot));

        assertEquals(ApplyOutcome.STALE, recordStore.apply(member, settings, snapshot));

        assertEquals(1, cell(MARCH, Channel.VK).count(Measure.LEADS));
    }

    @Test
    void anOlderSnapshotArrivingLateChangesNothing() {
        recordStore.apply(member, settings, lead(1, "2026-03-10T10:00:00+03:00", "2026-03-12T10:00:00+03:00",
                LeadSource.ofUtm("vk", null, null), null, null));

        ApplyOutcome late = recordStore.apply(member, settings, lead(1, "2026-03-10T10:00:00+03:00",
                "2026-03-11T10:00:00+03:00", LeadSource.ofUtm("instagram", null, null), null, null));

        assertEquals(ApplyOutcome.STALE, late);
        assertEquals(1, cell(MARCH, Channel.VK).count(Measure.LEADS));
        assertTrue(cell(MARCH, Channel.INSTAGRAM).isZero());
    }

    @Test
    void aNewerSnapshotMovesTheLeadBetweenChannels() {
        recordStore.apply(member, settings, lead(1, "2026-03-10T10:00:00+03:00", "2026-03-10T10:00:00+03:00",
                LeadSource.NONE, null, null));
        recordStore.apply(member, settings, lead(1, "2026-03-10T10:00:00+03:00", "2026-03-11T10:00:00+03:00",
                LeadSource.ofUtm("telegram", null, null), null, null));

        assertTrue(cell(MARCH, Channel.UNKNOWN).isZero());
        assertEquals(1, cell(MARCH, Channel.TELEGRAM).count(Measure.LEADS));
    }

    @Test
    void recordAndClientWritesAreConditionalOnTheVersionRead() {
        assertEquals("attribute_not_exists(PK)", RecordStore.versionCondition(false));
        assertEquals("#ver = :ver", RecordStore.versionCondition(true));
    }

    @Test
    void aWonDealCountsAsOrderRevenueAndNewClientUnderTheClientsFirstTouch() {
        recordStore.apply(member, settings, lead(1, "2026-03-01T10:00:00+03:00", "2026-03-02T10:00:00+03:00",
                LeadSource.ofUtm("instagram", null, null), 50L, null));
        recordStore.apply(member, settings, wonDeal(9, 50L, 1L, "1200.00", "2026-03-05T00:00:00+03:00",
                "2026-03-05T12:00:00+03:00"));

        Counters march = cell(MARCH, Channel.INSTAGRAM);
        assertEquals(1, march.count(Measure.ORDERS));
        assertEquals(0, new BigDecimal("1200").compareTo(march.get(Measure.REVENUE)));
        assertEquals(1, march.count(Measure.NEW_CLIENTS));
        assertTrue(cell(MARCH, Channel.CALL).get(Measure.ORDERS).signum() == 0,
                "the deal's own source is a later touch; the client belongs to the first");
    }

    @Test
    void cohortCountersAreKeptApartFromTheMonthlyCounters() {
        recordStore.apply(member, settings, wonDeal(9, 50L, null, "1200.00", "2026-03-05T00:00:00+03:00",
                "2026-03-05T12:00:00+03:00"));

        Counters monthly = cell(MARCH, Channel.CALL);
        Counters cohort = aggregates.cohorts(member, MARCH, MARCH).get(new AggregateKey(MARCH, Channel.CALL));

        assertTrue(monthly.cohortPart().isZero(), "the overview never reads cohort counters");
        assertEquals(0, new BigDecimal("1200").compareTo(cohort.cohortRevenue(0)));
        assertEquals(1, cohort.cohortOrders(0));
    }

    @Test
    void aDealArrivingBeforeItsLeadIsMovedToTheLeadsChannelWhenTheLeadArrives() {
        recordStore.apply(member, settings, wonDeal(9, 50L, 1L, "1500.00", "2026-03-05T00:00:00+03:00",
                "2026-03-05T12:00:00+03:00"));
        assertEquals(1, cell(MARCH, Channel.CALL).count(Measure.ORDERS));

        recordStore.apply(member, settings, lead(1, "2026-03-01T10:00:00+03:00", "2026-03-02T10:00:00+03:00",
                LeadSource.ofUtm("avito", null, null), 50L, null));

        assertTrue(cell(MARCH, Channel.CALL).isZero());
        assertEquals(1, cell(MARCH, Channel.AVITO).count(Measure.ORDERS));
        assertEquals(1, cell(MARCH, Channel.AVITO).count(Measure.NEW_CLIENTS));
    }

    @Test
    void aDeleteReversesTheRecordsContributionAndBlocksLateSnapshots() {
        LeadSnapshot snapshot = lead(1, "2026-03-10T10:00:00+03:00", "2026-03-10T10:00:00+03:00",
                LeadSource.ofUtm("vk", null, null), null, null);
        recordStore.apply(member, settings, snapshot);

        assertEquals(ApplyOutcome.APPLIED, recordStore.deleteLead(member, settings, 1, at("2026-03-11T00:00:00Z")));
        assertEquals(ApplyOutcome.ALREADY_DELETED,
                recordStore.deleteLead(member, settings, 1, at("2026-03-12T00:00:00Z")));
        assertEquals(ApplyOutcome.ALREADY_DELETED, recordStore.apply(member, settings, snapshot));

        assertTrue(cell(MARCH, Channel.VK).isZero());
    }

    @Test
    void aDeleteBeforeTheFirstSnapshotLeavesATombstone() {
        recordStore.deleteDeal(member, settings, 5, at("2026-03-11T00:00:00Z"));

        ApplyOutcome late = recordStore.apply(member, settings, wonDeal(5, 1L, null, "100", "2026-03-05T00:00:00+03:00",
                "2026-03-05T12:00:00+03:00"));

        assertEquals(ApplyOutcome.ALREADY_DELETED, late);
        assertTrue(cell(MARCH, Channel.CALL).isZero());
    }

    @Test
    void monthsAreCalendarMonthsInThePortalsZone() {
        PortalSettings yekaterinburg = settings.withZone(ZoneId.of("Asia/Yekaterinburg"));
        recordStore.apply(member, yekaterinburg, wonDeal(3, 8L, null, "900", "2026-04-01T00:00:00+05:00",
                "2026-04-01T09:00:00+05:00"));

        assertEquals(1, cell(APRIL, Channel.CALL).count(Measure.ORDERS),
                "midnight of 1 April in UTC+5 is still 31 March in UTC, but the portal's April");
        assertTrue(cell(MARCH, Channel.CALL).isZero());
    }

    @Test
    void anOpenAppointmentIsListedInTheDueIndexAndLeavesItWhenAttended() {
        Instant visit = at("2026-03-20T15:30:00+03:00");
        recordStore.apply(member, settings, lead(4, "2026-03-10T10:00:00+03:00", "2026-03-10T10:00:00+03:00",
                LeadSource.ofUtm("instagram", null, null), null, new AppointmentObservation(visit, null)));
        assertEquals(List.of("P#" + member), dueIn(visit));

        recordStore.apply(member, settings, lead(4, "2026-03-10T10:00:00+03:00", "2026-03-20T16:30:00+03:00",
                LeadSource.ofUtm("instagram", null, null), null,
                new AppointmentObservation(visit, AppointmentState.ATTENDED)));

        assertEquals(List.of(), dueIn(visit));
        Counters march = cell(MARCH, Channel.INSTAGRAM);
        assertEquals(1, march.count(Measure.APPOINTMENTS));
        assertEquals(1, march.count(Measure.ATTENDED));
        assertEquals(1, march.count(Measure.LEADS_WITH_APPOINTMENT));
    }

    private List<String> dueIn(Instant visit) {
        return dynamo.query(QueryRequest.builder().tableName(LocalDynamo.TABLE).indexName(TableDefinition.DUE_INDEX)
                        .keyConditionExpression("dueBucket = :b")
                        .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(DueIndex.bucket(visit))))
                        .build())
                .items().stream().map(i -> i.get("PK").s()).filter(pk -> pk.equals("P#" + member)).toList();
    }

    @Test
    void concurrentAppliesToOneClientAreEachCountedExactlyOnce() throws Exception {
        int deals = 12;
        List<Callable<ApplyOutcome>> applies = new ArrayList<>();
        for (int i = 1; i <= deals; i++) {
            long id = i;
            applies.add(() -> recordStore.apply(member, settings, wonDeal(id, 77L, null, "100",
                    "2026-03-0" + (1 + id % 9) + "T00:00:00+03:00", "2026-03-10T00:00:00+03:00")));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<ApplyOutcome> outcome : pool.invokeAll(applies)) {
                assertEquals(ApplyOutcome.APPLIED, outcome.get());
            }
        }

        Counters march = cell(MARCH, Channel.CALL);
        assertEquals(deals, march.count(Measure.ORDERS));
        assertEquals(1, march.count(Measure.NEW_CLIENTS));
        assertEquals(1, march.count(Measure.BUYERS));
        assertEquals(recordStore.recompute(member, settings).cells().get(new AggregateKey(MARCH, Channel.CALL))
                .monthlyPart(), march);
    }
}
