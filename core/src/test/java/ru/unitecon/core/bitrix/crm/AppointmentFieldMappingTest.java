package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.Fixtures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppointmentFieldMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AppointmentFieldMapping mapping =
            AppointmentFieldMapping.fromUserFields(Fixtures.json("lead-userfields.json"));

    @Test
    void enumerationItemsAreMappedThroughTheirXmlIds() {
        assertEquals(Map.of("4411", AppointmentState.BOOKED, "4413", AppointmentState.CONFIRMED,
                "4415", AppointmentState.ATTENDED, "4417", AppointmentState.NO_SHOW,
                "4419", AppointmentState.CANCELLED), mapping.states());
        assertEquals(List.of("UF_CRM_UE_APPT_AT", "UF_CRM_UE_APPT_STATE"), mapping.fields());
    }

    @Test
    void portalWithoutTheFieldsHasNoMapping() {
        assertEquals(AppointmentFieldMapping.NONE, AppointmentFieldMapping.fromUserFields(JSON.createArrayNode()));
    }

    @Test
    void recordWithoutTimeHasNoAppointment() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "").put("UF_CRM_UE_APPT_STATE", "4413");

        assertNull(mapping.read(record));
    }

    @Test
    void timeWithoutStateIsABooking() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00");
        record.putNull("UF_CRM_UE_APPT_STATE");

        assertEquals(AppointmentState.BOOKED, mapping.read(record).state());
    }

    @Test
    void multipleValueTakesTheFirstItem() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00");
        record.putArray("UF_CRM_UE_APPT_STATE").add("4415");

        assertEquals(AppointmentState.ATTENDED, mapping.read(record).state());
    }

    @Test
    void unknownOrEmptyStateMeansBooked() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00")
                .put("UF_CRM_UE_APPT_STATE", "4421");

        assertEquals(AppointmentState.BOOKED, mapping.read(record).state());
        assertEquals(Instant.parse("2026-03-12T12:30:00Z"), mapping.read(record).time());
    }

    @Test
    void numericItemIdIsAccepted() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00")
                .put("UF_CRM_UE_APPT_STATE", 4419);

        assertEquals(AppointmentState.CANCELLED, mapping.read(record).state());
    }

    @Test
    void aPortalsOwnDatetimeFieldWithDealStagesMapsTheStageWhenTheStateFieldIsEmpty() {
        var fields = JSON.createArrayNode();
        fields.addObject().put("FIELD_NAME", "UF_CRM_VISIT_AT").put("USER_TYPE_ID", "datetime");
        AppointmentFieldMapping deals = AppointmentFieldMapping.fromUserFields(fields, "UF_CRM_VISIT_AT", null,
                Map.of("C1:PREPARATION", AppointmentState.CONFIRMED, "LOSE", AppointmentState.CANCELLED));

        ObjectNode confirmed = JSON.createObjectNode().put("UF_CRM_VISIT_AT", "2026-03-12T15:30:00+03:00")
                .put("STAGE_ID", "C1:PREPARATION");
        ObjectNode unmappedStage = JSON.createObjectNode().put("UF_CRM_VISIT_AT", "2026-03-12T15:30:00+03:00")
                .put("STAGE_ID", "NEW");

        assertEquals(List.of("UF_CRM_VISIT_AT", "STAGE_ID"), deals.fields());
        assertEquals(AppointmentState.CONFIRMED, deals.read(confirmed).state());
        assertEquals(AppointmentState.BOOKED, deals.read(unmappedStage).state());
    }

    @Test
    void theStateFieldWinsOverTheStage() {
        AppointmentFieldMapping withStages = AppointmentFieldMapping.fromUserFields(
                Fixtures.json("lead-userfields.json"), "UF_CRM_UE_APPT_AT", "UF_CRM_UE_APPT_STATE",
                Map.of("WON", AppointmentState.ATTENDED));
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00")
                .put("UF_CRM_UE_APPT_STATE", "4417").put("STAGE_ID", "WON");
        ObjectNode noState = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-03-12T15:30:00+03:00")
                .put("STAGE_ID", "WON");

        assertEquals(AppointmentState.NO_SHOW, withStages.read(record).state());
        assertEquals(AppointmentState.ATTENDED, withStages.read(noState).state());
    }

    @Test
    void aNamedFieldThePortalDoesNotHaveMeansNoAppointments() {
        assertEquals(AppointmentFieldMapping.NONE, AppointmentFieldMapping.fromUserFields(
                Fixtures.json("lead-userfields.json"), "UF_CRM_VISIT_AT", null, Map.of()));
    }

    @Test
    void theMappingCoversARecordWithItsFieldsAndAKnownItem() {
        ObjectNode record = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-12-01T15:30:00+03:00")
                .put("UF_CRM_UE_APPT_STATE", "4413");

        assertTrue(mapping.covers(record));
        assertTrue(mapping.covers(record.put("UF_CRM_UE_APPT_STATE", "")), "an empty state is no unknown item");
    }

    @Test
    void aRecordWithoutAMappedFieldOrWithAnItemAddedSinceIsNotCovered() {
        ObjectNode withoutState = JSON.createObjectNode().put("UF_CRM_UE_APPT_AT", "2026-12-01T15:30:00+03:00");
        ObjectNode newItem = withoutState.deepCopy().put("UF_CRM_UE_APPT_STATE", "9999");

        assertFalse(mapping.covers(withoutState));
        assertFalse(mapping.covers(newItem));
        assertTrue(AppointmentFieldMapping.NONE.covers(withoutState), "no mapping asks for no field");
    }
}
