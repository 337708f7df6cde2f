package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.install.EventBindings;
import ru.unitecon.core.store.Keys;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.simulator.UserField;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallTest {

    @Test
    void installStoresTokensBindsEventsAndPlacementAndFinishesInThePortal() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            HttpResponse<String> page = app.install();

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("//api.bitrix24.com/api/v1/"));
            assertTrue(page.body().contains("BX24.installFinish()"));
            assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty());
            assertTrue(app.portals.load(app.memberId()).isPresent());
            assertEquals(Set.copyOf(EventBindings.EVENTS), app.portal.records().boundEvents().stream()
                    .filter(binding -> binding.handler().equals(app.eventsUrl().toString()))
                    .map(PortalRecords.EventBinding::event).collect(Collectors.toSet()));
            assertEquals(EventBindings.PLACEMENTS.stream().map(placement -> placement + " " + app.appUrl()).toList(),
                    app.portal.records().placements()
                    .stream().map(p -> p.placement() + " " + p.handler()).toList());
            assertTrue(app.portal.isInstalled());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void appointmentFieldsAreCreatedOnceAcrossReinstalls() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.install();
            app.install();

            for (CrmEntityType type : List.of(CrmEntityType.LEAD, CrmEntityType.DEAL)) {
                assertEquals(List.of(AppointmentFieldMapping.TIME_FIELD, AppointmentFieldMapping.STATE_FIELD,
                                AppointmentFieldMapping.REMINDER_FIELD),
                        app.portal.userFields(type).stream().map(UserField::fieldName).toList());
            }
            UserField state = app.portal.userFields(CrmEntityType.LEAD).get(1);
            assertEquals("enumeration", state.userTypeId());
            assertEquals(List.of("BOOKED", "CONFIRMED", "ATTENDED", "NO_SHOW", "CANCELLED"),
                    ((List<?>) state.definition().get("LIST")).stream()
                            .map(item -> ((Map<?, ?>) item).get("XML_ID")).toList());
            assertEquals("string", app.portal.userFields(CrmEntityType.DEAL).get(2).userTypeId());
            assertEquals(EventBindings.EVENTS.size(), app.portal.records().boundEvents().size());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void installEventStoresTheApplicationToken() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.install();

            HttpResponse<String> answer = app.portal.deliverInstallEvent(app.eventsUrl());
            app.queue.deliverTo(app.syncHandler, 1);

            assertEquals(200, answer.statusCode());
            assertEquals(app.portal.applicationToken(),
                    app.portals.find(app.memberId()).orElseThrow().applicationToken());
        }
    }

    @Test
    void theInstallFormsApplicationTokenIsNeverTakenNorItsAddresses() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            FramePost frame = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "ru",
                    app.portal.seed().dataset().adminUserId(), Map.of());

            HttpResponse<String> page = app.post("/install?" + frame.url().getRawQuery().replace("PROTOCOL=0",
                    "PROTOCOL=1"), frame.body() + "&APPLICATION_TOKEN=0123456789abcdef0123456789abcdef");

            assertEquals(200, page.statusCode());
            assertNull(app.portals.find(app.memberId()).orElseThrow().applicationToken());
            assertEquals(app.portal.clientEndpoint(), app.portals.find(app.memberId()).orElseThrow().clientEndpoint());
        }
    }

    @Test
    void backfillStoresTheWholeDatasetInBoundedRuns() {
        Dataset dataset = DatasetGenerator.generate(42, 300);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(dataset)) {
            LocalQueue.Deliveries deliveries = app.installAndBackfill();

            assertEquals(dataset.leads().size(), app.liveLeads().size());
            assertEquals(dataset.deals().size(), app.storedDeals());
            assertEquals(dataset.leads().size(), app.aggregateLeads());
            assertTrue(deliveries.rounds() > 2, "300 leads at 2 pages of 50 per run take several runs");
            assertEquals(0, app.queue.size());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void noPersonalDataIsStoredAfterABackfill() {
        Dataset dataset = DatasetGenerator.generate(7, 120);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(dataset)) {
            app.installAndBackfill();

            // Every item of the table, not only the portal's partitions: nothing personal may land anywhere.
            List<Map<String, AttributeValue>> items = app.dynamo.scanPaginator(scan -> scan.tableName(app.table)
                    .consistentRead(true)).items().stream().toList();
            String stored = items.toString();
            assertTrue(items.stream().anyMatch(item -> item.get("PK").s().equals(Keys.monthlyPartition(app.memberId()))));
            List<String> personal = personalData(dataset);
            assertFalse(personal.isEmpty());
            assertEquals(List.of(), personal.stream().filter(stored::contains).toList());
        }
    }

    @Test
    void installWithATokenTheOAuthServerDoesNotKnowIsRefused() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            FramePost frame = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "en",
                    app.portal.seed().dataset().adminUserId(), Map.of());
            Map<String, String> forged = new HashMap<>(frame.form());
            forged.put("AUTH_ID", "0123456789abcdef0123456789abcdef");

            HttpResponse<String> page = app.post("/install?" + frame.url().getRawQuery(),
                    new FramePost(frame.url(), forged).body());

            assertEquals(401, page.statusCode());
            assertFalse(page.body().contains("Exception"));
            assertTrue(app.portals.find(app.memberId()).isEmpty());
            assertEquals(0, app.queue.size());
        }
    }

    @Test
    void installWithoutAMemberIdIsABadRequest() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            HttpResponse<String> page = app.post("/install?DOMAIN=" + app.portal.domain(), "AUTH_ID=abc");

            assertEquals(400, page.statusCode());
            assertTrue(app.portals.find(app.memberId()).isEmpty());
        }
    }

    /** Names, phones and e-mails of the dataset's leads and contacts. */
    private static List<String> personalData(Dataset dataset) {
        List<Map<String, Object>> people = new java.util.ArrayList<>(dataset.leads());
        people.addAll(dataset.contacts());
        return people.stream().flatMap(person -> {
            List<String> values = new java.util.ArrayList<>();
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
