package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CrmWriteMethodsTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void enumerationFieldsListTheirItemsWithIdsAndXmlIds() {
        fixture.call("crm.lead.userfield.add", Map.of("fields", Map.of("FIELD_NAME", "UE_APPT_STATE",
                "USER_TYPE_ID", "enumeration", "LIST", List.of(
                        Map.of("VALUE", "Записан / Booked", "SORT", 10, "XML_ID", "BOOKED"),
                        Map.of("VALUE", "Не пришёл / No-show", "SORT", 20, "XML_ID", "NO_SHOW")))));

        Map<String, Object> field = fixture.call("crm.lead.userfield.list", Map.of()).resultRows().getFirst();

        List<?> items = (List<?>) field.get("LIST");
        assertEquals(List.of("BOOKED", "NO_SHOW"), items.stream().map(item -> ((Map<?, ?>) item).get("XML_ID")).toList());
        assertEquals("Не пришёл / No-show", ((Map<?, ?>) items.get(1)).get("VALUE"));
        assertEquals(((Map<?, ?>) items.get(1)).get("ID"),
                fixture.portal.enumerationItem(CrmEntityType.LEAD, "UF_CRM_UE_APPT_STATE", "NO_SHOW"));
    }

    @Test
    void leadUpdateWritesUserFieldsAndMovesDateModify() {
        fixture.call("crm.lead.userfield.add", Map.of("fields", Map.of("FIELD_NAME", "UE_REMINDER",
                "USER_TYPE_ID", "string")));
        long id = fixture.portal.addLead(Map.of("TITLE", "Стрижка"));
        Object modifiedBefore = fixture.portal.leads().get(id).orElseThrow().get("DATE_MODIFY");
        fixture.clock.advance(java.time.Duration.ofMinutes(5));

        TestHttp.Reply reply = fixture.call("crm.lead.update",
                Map.of("id", id, "fields", Map.of("UF_CRM_UE_REMINDER", "24h")));

        Map<String, Object> lead = fixture.portal.leads().get(id).orElseThrow();
        assertEquals(true, reply.result());
        assertEquals("24h", lead.get("UF_CRM_UE_REMINDER"));
        assertNotEquals(modifiedBefore, lead.get("DATE_MODIFY"));
        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void updateOfAMissingRecordIsNotFoundAndOfAnUnknownUserFieldIsRefused() {
        long id = fixture.portal.addDeal(Map.of("TITLE", "Визит"));

        assertEquals("NOT_FOUND", fixture.call("crm.deal.update", Map.of("id", 999_999, "fields", Map.of("TITLE", "x"))).error());
        assertEquals(400, fixture.call("crm.deal.update", Map.of("id", id, "fields", Map.of("UF_CRM_NOPE", "x"))).status());
    }

    @Test
    void updateWithAFieldOutsideTheTableIsAViolation() {
        long id = fixture.portal.addLead(Map.of("TITLE", "Стрижка"));

        fixture.call("crm.lead.update", Map.of("id", id, "fields", Map.of("DATE_CREATE", "2026-01-01T00:00:00+03:00")));

        assertEquals("fields.DATE_CREATE", fixture.portal.violations().getFirst().parameter());
    }
}
