package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.ledger.LeadRecord;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.Keys;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.InMemoryChangeQueue;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the sync makes of queued changes, on the simulated portal and DynamoDB Local (no Lambda, no SQS). */
class SyncServiceTest {

    @Test
    void backfillStoresTheWholeDatasetInBoundedRuns() {
        Dataset dataset = DatasetGenerator.generate(42, 300);
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(dataset)) {
            InMemoryChangeQueue.Deliveries deliveries = app.installAndBackfill();

            assertEquals(dataset.leads().size(), app.liveLeads().size());
            assertEquals(dataset.deals().size(), app.storedDeals());
            assertEquals(dataset.leads().size(), app.aggregateLeads());
            assertTrue(deliveries.rounds() > 2, "300 leads at 2 pages of 50 per run take several runs");
            assertEquals(0, app.queue.size());
        }
    }

    @Test
    void noPersonalDataIsStoredAfterABackfill() {
        Dataset dataset = DatasetGenerator.generate(7, 120);
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(dataset)) {
            app.installAndBackfill();

            // Every item of the world's table, not only the portal's partitions: nothing personal may land anywhere.
            List<Map<String, AttributeValue>> items = LocalDynamo.client().scanPaginator(scan -> scan
                    .tableName(app.table).consistentRead(true)).items().stream().toList();
            String stored = items.toString();
            assertTrue(items.stream().anyMatch(item -> item.get("PK").s().equals(Keys.monthlyPartition(app.memberId()))));
            List<String> personal = personalData(dataset);
            assertFalse(personal.isEmpty());
            assertEquals(List.of(), personal.stream().filter(stored::contains).toList());
        }
    }

    @Test
    void burstOfAThousandLeadUpdatesIsStoredWithinThirtyRestCalls() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(11, 1_000))) {
            app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(1_000);
            app.portal.calls().clear();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertTrue(deliveries.messages() >= 1_000, "the changes, and the compact messages of what each run left");
            assertEquals(0, deliveries.failures());
            assertTrue(app.portal.calls().count() <= 25, app.portal.calls().count() + " REST calls");
            assertEquals(1_000, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void refusalsForTheRateLimitSendChangesBackUntilAllAreStored() {
        // A smaller burst than our limiter assumes, and no waiting inside a call: refusals reach the queue.
        SimulatorOptions tight = SimulatorOptions.defaults().withRateLimit(10, 2.0);
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(3, 200),
                tight, 0)) {
            InMemoryChangeQueue.Deliveries backfill = app.installAndBackfill();
            Instant updatedAt = app.editEveryLead(200);

            InMemoryChangeQueue.Deliveries updates = app.sync();

            assertTrue(app.portal.calls().all().stream().anyMatch(call -> call.httpStatus() == 503));
            assertTrue(backfill.failures() + updates.failures() > 0, "refused changes come back from the queue");
            assertEquals(app.portal.seed().dataset().deals().size(), app.storedDeals());
            assertEquals(0, app.queue.size());
            assertEquals(200, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void expiredAccessTokenIsRefreshedDuringTheSync() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(5, 120))) {
            app.installAndBackfill();
            String before = app.services.portals().load(app.memberId()).orElseThrow().accessToken();
            Instant updatedAt = app.editEveryLead(120);
            app.simulator.expireAllAccessTokens();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertNotEquals(before, app.services.portals().load(app.memberId()).orElseThrow().accessToken());
            assertEquals(120, app.liveLeads().stream().filter(lead -> lead.modified().equals(updatedAt)).count());
        }
    }

    @Test
    void refusedRefreshTokenMarksThePortalForReconnectionAndDropsItsChanges() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            app.editEveryLead(3);
            app.portal.revokeRefreshTokens();
            app.simulator.expireAllAccessTokens();

            InMemoryChangeQueue.Deliveries deliveries = app.sync();

            assertEquals(0, deliveries.failures());
            assertEquals(0, app.queue.size());
            assertEquals(PortalStatus.NEEDS_RECONNECT,
                    app.services.portals().find(app.memberId()).orElseThrow().status());
        }
    }

    @Test
    void duplicateReorderedAndLateChangesLeaveTheLatestState() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(9, 60))) {
            app.installAndBackfill();
            long leads = app.aggregateLeads();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "1000.00"));
            app.changed(CrmEntity.LEAD, 5);
            app.changed(CrmEntity.LEAD, 5);
            app.sync();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(5, Map.of("OPPORTUNITY", "2000.00"));
            Instant latest = app.clock.instant();
            app.changed(CrmEntity.LEAD, 5);
            app.portal.deleteLead(6);
            app.deleted(CrmEntity.LEAD, 6);
            app.changed(CrmEntity.LEAD, 6);
            app.changed(CrmEntity.LEAD, 5);

            app.sync();
            app.changed(CrmEntity.LEAD, 6);
            app.sync();

            LeadRecord five = app.services.ledger().records().lead(app.memberId(), 5).orElseThrow();
            assertEquals(latest.getEpochSecond(), five.modified().getEpochSecond());
            assertTrue(app.services.ledger().records().lead(app.memberId(), 6).orElseThrow().deleted());
            assertEquals(leads - 1, app.aggregateLeads());
        }
    }

    /** Names, phones and e-mails of the dataset's leads and contacts. */
    private static List<String> personalData(Dataset dataset) {
        List<Map<String, Object>> people = new ArrayList<>(dataset.leads());
        people.addAll(dataset.contacts());
        return people.stream().flatMap(person -> {
            List<String> values = new ArrayList<>();
            for (String field : List.of("NAME", "LAST_NAME", "SECOND_NAME")) {
                if (person.get(field) instanceof String text && text.length() >= 3) {
                    values.add(text);
                }
            }
            for (String field : List.of("PHONE", "EMAIL")) {
                if (person.get(field) instanceof List<?> entries) {
                    entries.forEach(entry -> {
                        if (entry instanceof Map<?, ?> map && map.get("VALUE") instanceof String value) {
                            values.add(value);
                        }
                    });
                }
            }
            return values.stream();
        }).distinct().toList();
    }
}
