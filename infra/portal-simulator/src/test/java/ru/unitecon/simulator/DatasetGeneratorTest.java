package ru.unitecon.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetGeneratorTest {

    @Test
    void sameSeedGivesTheSameDataset() {
        assertEquals(DatasetGenerator.generate(42, 300).toJson(), DatasetGenerator.generate(42, 300).toJson());
    }

    @Test
    void otherSeedGivesAnotherDataset() {
        assertNotEquals(DatasetGenerator.generate(42, 300).toJson(), DatasetGenerator.generate(43, 300).toJson());
    }

    @Test
    void generatesExactlyTheLeadsAskedFor() {
        assertEquals(10, DatasetGenerator.generate(1, 10).leads().size());
        assertEquals(1_000, DatasetGenerator.generate(1, 1_000).leads().size());
        assertEquals(100_000, DatasetGenerator.generate(1, 100_000).leads().size());
    }

    @Test
    void leadsFallWithinTheSpanAskedFor() {
        Instant until = Instant.parse("2026-11-23T12:00:00Z");
        Dataset dataset = DatasetGenerator.generate(5, 500, ZoneId.of("Europe/Moscow"), until, Duration.ofDays(183));

        List<Instant> created = dataset.leads().stream()
                .map(lead -> OffsetDateTime.parse((String) lead.get("DATE_CREATE")).toInstant()).toList();
        assertTrue(created.stream().allMatch(at -> !at.isAfter(until) && at.isAfter(until.minus(Duration.ofDays(183)))));
        assertTrue(created.stream().anyMatch(at -> at.isBefore(until.minus(Duration.ofDays(150)))));
    }

    @Test
    void leadsComeFromTypicalChannelsSomeWithoutSource() {
        Dataset dataset = DatasetGenerator.generate(7, 2_000);

        Set<Object> sources = dataset.leads().stream().map(lead -> lead.get("SOURCE_ID")).collect(Collectors.toSet());
        Set<Object> utmSources = dataset.leads().stream().map(lead -> lead.get("UTM_SOURCE"))
                .filter(Objects::nonNull).collect(Collectors.toSet());

        assertTrue(sources.containsAll(Set.of("UC_INSTAGRAM", "UC_VK", "UC_TELEGRAM", "UC_WHATSAPP", "ADVERTISING",
                "UC_AVITO", "UC_2GIS", "WEB", "RECOMMENDATION", "CALL")));
        assertTrue(sources.contains(null));
        assertEquals(Set.of("instagram", "vk", "telegram", "yandex", "avito", "2gis"), utmSources);
    }

    @Test
    void valuesAreInRestWireFormat() {
        Map<String, Object> lead = DatasetGenerator.generate(3, 50).leads().getFirst();

        assertTrue(((String) lead.get("ID")).matches("\\d+"));
        assertTrue(((String) lead.get("OPPORTUNITY")).matches("\\d+\\.00"));
        assertEquals("+03:00", OffsetDateTime.parse((String) lead.get("DATE_CREATE")).getOffset().getId());
        assertTrue(Set.of("Y", "N").contains(lead.get("HAS_EMAIL")));
        assertEquals("PHONE", castList(lead.get("PHONE")).getFirst().get("TYPE_ID"));
    }

    @Test
    void dealsLinkToLeadsAndContactsAndClosedOnesHaveADate() {
        Dataset dataset = DatasetGenerator.generate(5, 1_000);
        Set<Object> leadIds = dataset.leads().stream().map(lead -> lead.get("ID")).collect(Collectors.toSet());
        Set<Object> contactIds = dataset.contacts().stream().map(contact -> contact.get("ID")).collect(Collectors.toSet());

        assertTrue(dataset.deals().stream().anyMatch(deal -> "WON".equals(deal.get("STAGE_ID"))));
        assertTrue(dataset.deals().stream().anyMatch(deal -> "LOSE".equals(deal.get("STAGE_ID"))));
        for (Map<String, Object> deal : dataset.deals()) {
            assertTrue(deal.get("LEAD_ID") == null || leadIds.contains(deal.get("LEAD_ID")));
            assertTrue(contactIds.contains(deal.get("CONTACT_ID")));
            assertTrue(((String) deal.get("OPPORTUNITY")).matches("\\d+\\.00"));
            if ("Y".equals(deal.get("CLOSED"))) {
                assertTrue(Set.of("S", "F").contains(deal.get("STAGE_SEMANTIC_ID")));
                assertTrue(((String) deal.get("CLOSEDATE")).endsWith("T00:00:00+03:00"));
            }
        }
    }

    @Test
    void statusesCarrySemanticsAndTheFirstUserIsTheAdmin() {
        Dataset dataset = DatasetGenerator.generate(1, 10);

        assertTrue(dataset.statuses().stream().anyMatch(s -> "DEAL_STAGE".equals(s.get("ENTITY_ID")) && "S".equals(s.get("SEMANTICS"))));
        assertTrue(dataset.statuses().stream().anyMatch(s -> "STATUS".equals(s.get("ENTITY_ID")) && "F".equals(s.get("SEMANTICS"))));
        assertEquals("1", dataset.adminUserId());
        assertEquals(2, dataset.categories().size());
    }

    @Test
    void generatedPortalServesItsLeadsOverRest() {
        try (SimulatorFixture fixture = new SimulatorFixture(DatasetGenerator.generate(9, 120))) {
            TestHttp.Reply reply = fixture.call("crm.deal.list", Map.of("filter", Map.of("STAGE_ID", "WON"), "select", List.of("ID", "LEAD_ID")));

            assertEquals(120, fixture.portal.leads().size());
            assertTrue(reply.resultRows().size() > 0);
            assertEquals(List.of(), fixture.portal.violations());
        }
    }

    @Test
    void datasetSurvivesAJsonRoundTrip() {
        Dataset dataset = DatasetGenerator.generate(11, 40);

        Dataset reread = Dataset.fromJson(new ByteArrayInputStream(
                dataset.toJson().getBytes(StandardCharsets.UTF_8)));

        assertEquals(dataset.toJson(), reread.toJson());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
