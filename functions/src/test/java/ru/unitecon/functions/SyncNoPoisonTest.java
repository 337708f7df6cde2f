package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.Fault;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing one message needs can fail another: an oversized change shares its batch with other portals' messages,
 * a record the store refuses fails only the message that named it, and a portal that is down sends back only its
 * own messages. Nothing that can be applied reaches the dead-letter queue.
 */
class SyncNoPoisonTest {
    private static final DateTimeFormatter BITRIX = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final long CLIENT_LEAD = 9_001;
    private static final int ORDERS = 150;

    /** A long-time client: a lead from 2013 and one won deal a month since, 150 orders in all. */
    private static void longTimeClient(SimulatedPortal portal) {
        ZonedDateTime firstTouch = ZonedDateTime.of(2013, 1, 5, 12, 0, 0, 0, MOSCOW);
        portal.leads().add(Map.of("ID", String.valueOf(CLIENT_LEAD), "SOURCE_ID", "CALL", "CONTACT_ID", "70001",
                "STATUS_ID", "CONVERTED", "DATE_CREATE", BITRIX.format(firstTouch),
                "DATE_MODIFY", BITRIX.format(firstTouch)));
        for (int i = 1; i <= ORDERS; i++) {
            ZonedDateTime closed = firstTouch.plusMonths(i);
            portal.deals().add(Map.of("ID", String.valueOf(50_000 + i), "STAGE_ID", "WON", "CATEGORY_ID", "0",
                    "CONTACT_ID", "70001", "SOURCE_ID", "CALL", "OPPORTUNITY", "2500.00",
                    "DATE_CREATE", BITRIX.format(closed.minusDays(2)), "DATE_MODIFY", BITRIX.format(closed),
                    "CLOSEDATE", BITRIX.format(closed)));
        }
    }

    private static long orders(Map<AggregateKey, Counters> cells, String channel) {
        return cells.entrySet().stream().filter(cell -> cell.getKey().channel().equals(channel))
                .mapToLong(cell -> cell.getValue().count(Measure.ORDERS)).sum();
    }

    @Test
    void aClientWithAHundredAndFiftyOrdersMovesChannelInOneBatchWithOtherPortalsAndNothingIsLost() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(61, 40))) {
            longTimeClient(app.portal);
            app.installAndBackfill();
            SimulatedPortal second = app.installAnotherPortal(DatasetGenerator.generate(62, 30));
            SimulatedPortal third = app.installAnotherPortal(DatasetGenerator.generate(63, 30));
            long callOrders = orders(app.storedAggregates(app.memberId()), Channel.CALL);
            long telegramOrders = orders(app.storedAggregates(app.memberId()), Channel.TELEGRAM);
            assertTrue(callOrders >= ORDERS);
            app.clock.advance(Duration.ofMinutes(1));
            for (SimulatedPortal other : List.of(second, third)) {
                LongStream.rangeClosed(1, 10).forEach(id -> {
                    other.updateLead(id, Map.of("OPPORTUNITY", "4321.00"));
                    other.deliverEvent("ONCRMLEADUPDATE", id, false);
                });
            }
            app.portal.updateLead(CLIENT_LEAD, Map.of("UTM_SOURCE", "telegram"));
            app.portal.deliverEvent("ONCRMLEADUPDATE", CLIENT_LEAD, false);

            LocalQueue.Deliveries oneBatch = app.queue.deliverTo(app.syncHandler, 1);

            assertEquals(21, oneBatch.messages(), "the three portals' changes came in one batch");
            assertEquals(0, oneBatch.failures());
            for (SimulatedPortal other : List.of(second, third)) {
                assertEquals(10, app.recordStore.records().leads(other.memberId()).stream()
                        .filter(lead -> lead.amount().value().compareTo(new BigDecimal("4321")) == 0).count());
            }
            assertEquals(Channel.TELEGRAM,
                    app.recordStore.records().lead(app.memberId(), CLIENT_LEAD).orElseThrow().channel());
            assertNotNull(app.stores.state().load(app.memberId()).recountRequestedAt(),
                    "too big for one transaction: the aggregates wait for the queued recount");

            LocalQueue.Deliveries rest = app.sync();

            assertEquals(0, rest.failures());
            assertNull(app.stores.state().load(app.memberId()).recountRequestedAt());
            assertEquals(0, app.queue.size());
            assertEquals(0, app.queue.deadLetters());
            for (String member : List.of(app.memberId(), second.memberId(), third.memberId())) {
                assertEquals(app.recomputedAggregates(member), app.storedAggregates(member), member);
            }
            assertEquals(telegramOrders + ORDERS, orders(app.storedAggregates(app.memberId()), Channel.TELEGRAM));
            assertEquals(callOrders - ORDERS, orders(app.storedAggregates(app.memberId()), Channel.CALL));
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void aRecordTheStoreRefusesFailsOnlyTheMessageThatNamedItAlone() {
        DynamoWithCrashPoint dynamo = new DynamoWithCrashPoint(LocalDynamo.client());
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(64, 40),
                dynamo.client())) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            LongStream.of(5, 6, 7).forEach(id -> app.portal.updateLead(id, Map.of("OPPORTUNITY", "777.00")));
            dynamo.refuseWritesOf("LEAD#5");
            Instant at = app.clock.instant();

            SQSBatchResponse response = app.syncHandler.handleRequest(batch(Map.of(
                    "five", ChangeMessage.upsert(app.memberId(), CrmEntity.LEAD, 5, at),
                    "six", ChangeMessage.upsert(app.memberId(), CrmEntity.LEAD, 6, at),
                    "five-and-seven", ChangeMessage.pending(app.memberId(), CrmEntity.LEAD, List.of(5L, 7L)))),
                    null);

            assertEquals(List.of("five"), response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
            assertEquals(0, amountOf(app, 6).compareTo(new BigDecimal("777")));
            assertEquals(0, amountOf(app, 7).compareTo(new BigDecimal("777")));
            assertEquals(1, app.queue.size(), "lead 5 of the message that went through is queued on its own");

            dynamo.acceptAllWrites();
            app.sync();

            assertEquals(0, amountOf(app, 5).compareTo(new BigDecimal("777")));
            assertEquals(0, app.queue.size());
        }
    }

    @Test
    void aRecordThatKeepsFailingReachesTheDeadLettersAloneAndEverythingElseIsStored() {
        DynamoWithCrashPoint dynamo = new DynamoWithCrashPoint(LocalDynamo.client());
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(65, 40),
                dynamo.client())) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            dynamo.refuseWritesOf("LEAD#5");
            LongStream.rangeClosed(3, 9).forEach(id -> {
                app.portal.updateLead(id, Map.of("OPPORTUNITY", "555.00"));
                app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
            });

            app.sync();

            assertEquals(1, app.queue.deadLetters());
            assertEquals(0, app.queue.size());
            LongStream.of(3, 4, 6, 7, 8, 9).forEach(id ->
                    assertEquals(0, amountOf(app, id).compareTo(new BigDecimal("555")), "lead " + id));
        }
    }

    @Test
    void aPortalThatIsDownSendsBackOnlyItsOwnMessages() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(66, 30))) {
            app.installAndBackfill();
            SimulatedPortal down = app.installAnotherPortal(DatasetGenerator.generate(67, 30));
            app.clock.advance(Duration.ofMinutes(1));
            down.injectFault("batch", Fault.SERVER_ERROR);
            LongStream.rangeClosed(1, 4).forEach(id -> {
                app.portal.updateLead(id, Map.of("OPPORTUNITY", "888.00"));
                app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
                down.updateLead(id, Map.of("OPPORTUNITY", "888.00"));
                down.deliverEvent("ONCRMLEADUPDATE", id, false);
            });

            LocalQueue.Deliveries first = app.queue.deliverTo(app.syncHandler, 1);

            assertEquals(8, first.messages());
            assertEquals(4, first.failures(), "the four messages of the portal that is down, and no other");
            LongStream.rangeClosed(1, 4).forEach(id ->
                    assertEquals(0, amountOf(app, id).compareTo(new BigDecimal("888"))));

            down.clearFaults();
            app.sync();

            assertEquals(4, app.recordStore.records().leads(down.memberId()).stream()
                    .filter(lead -> lead.amount().value().compareTo(new BigDecimal("888")) == 0).count());
            assertEquals(0, app.queue.deadLetters());
        }
    }

    private static BigDecimal amountOf(AppOnSimulatedPortal app, long leadId) {
        return app.recordStore.records().lead(app.memberId(), leadId).orElseThrow().amount().value();
    }

    private static SQSEvent batch(Map<String, ChangeMessage> messages) {
        SQSEvent event = new SQSEvent();
        Map<String, ChangeMessage> ordered = new HashMap<>(messages);
        event.setRecords(ordered.entrySet().stream().map(entry -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(entry.getKey());
            record.setBody(entry.getValue().toJson());
            record.setEventSource("aws:sqs");
            return record;
        }).toList());
        return event;
    }
}
