package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.CrmReads;
import ru.unitecon.core.crm.LeadSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's appointment fields created on a portal, then read back through the lead select. */
class AppointmentFieldsOnPortalTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final BitrixRestClient client = installed.client();

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void appointmentTimeTravelsThroughTheSelectIntoTheSnapshot() {
        createAppointmentFields();
        AppointmentFieldMapping mapping =
                AppointmentFieldMapping.fromUserFields(client.call(CrmEntity.LEAD.userFieldListMethod(), Map.of()));
        CrmRecords records = new CrmRecords(mapping, AppointmentFieldMapping.NONE);
        long booked = installed.portal.addLead(Map.of("STATUS_ID", "NEW", "STATUS_SEMANTIC_ID", "P",
                AppointmentFieldMapping.TIME_FIELD, "2026-12-01T15:30:00+03:00"));

        Map<Long, LeadSnapshot> leads = new HashMap<>();
        new CrmReads(client).listAll(CrmEntity.LEAD.listMethod(), Map.of(), records.leadSelect(),
                page -> page.records().forEach(lead -> leads.put(lead.path("ID").asLong(), records.lead(lead))));

        assertEquals(List.of(AppointmentFieldMapping.TIME_FIELD, AppointmentFieldMapping.STATE_FIELD),
                mapping.fields());
        assertEquals(Instant.parse("2026-12-01T12:30:00Z"), leads.get(booked).appointment().time());
        assertNull(leads.get(1L).appointment());
    }

    private void createAppointmentFields() {
        client.call("crm.lead.userfield.add", Map.of("fields", Map.of(
                "USER_TYPE_ID", "datetime", "FIELD_NAME", "UE_APPT_AT", "XML_ID", "UE_APPT_AT",
                "EDIT_FORM_LABEL", "Appointment time")));
        List<Map<String, String>> items = new ArrayList<>();
        for (String state : List.of("BOOKED", "CONFIRMED", "ATTENDED", "NO_SHOW", "CANCELLED")) {
            items.add(Map.of("VALUE", state.toLowerCase(Locale.ROOT), "XML_ID", state));
        }
        JsonNode fieldId = client.call("crm.lead.userfield.add", Map.of("fields", Map.of(
                "USER_TYPE_ID", "enumeration", "FIELD_NAME", "UE_APPT_STATE", "XML_ID", "UE_APPT_STATE",
                "EDIT_FORM_LABEL", "Appointment state", "LIST", items)));
        assertTrue(fieldId.asLong() > 0);
    }
}
