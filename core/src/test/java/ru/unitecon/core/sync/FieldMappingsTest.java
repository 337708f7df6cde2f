package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.Fixtures;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.store.SyncStateStore;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field mapping kept in the portal's SYNC item: read back unchanged, and only for the settings it was read for. */
class FieldMappingsTest {
    private static final AppointmentFields OWN_FIELDS = AppointmentFields.appOwn();
    private static final AppointmentFields WITH_STAGES = new AppointmentFields("UF_CRM_UE_APPT_AT",
            "UF_CRM_UE_APPT_STATE", Map.of("C1:WON", AppointmentState.ATTENDED));

    private final Map<CrmEntity, AppointmentFieldMapping> mappings = Map.of(
            CrmEntity.LEAD, AppointmentFieldMapping.fromUserFields(Fixtures.json("lead-userfields.json")),
            CrmEntity.DEAL, AppointmentFieldMapping.fromUserFields(Fixtures.json("lead-userfields.json"),
                    "UF_CRM_UE_APPT_AT", "UF_CRM_UE_APPT_STATE", Map.of("C1:WON", AppointmentState.ATTENDED)));

    private static SyncStateStore.State cachedFor(AppointmentFields named, String fields) {
        return new SyncStateStore.State(null, null, null, FieldMappings.key(named), fields);
    }

    @Test
    void aStoredMappingReadsBackUnchanged() {
        String stored = FieldMappings.encode(mappings);

        assertEquals(Optional.of(mappings), FieldMappings.cached(WITH_STAGES, cachedFor(WITH_STAGES, stored)));
        assertTrue(mappings.get(CrmEntity.LEAD).otherItems().contains("4421"), "an item that means no state");
    }

    @Test
    void aMappingReadForOtherSettingsIsNotUsed() {
        String stored = FieldMappings.encode(mappings);

        assertEquals(Optional.empty(), FieldMappings.cached(OWN_FIELDS, cachedFor(WITH_STAGES, stored)));
        assertEquals(Optional.empty(), FieldMappings.cached(OWN_FIELDS,
                new SyncStateStore.State(null, null, null, null, null)));
    }

    @Test
    void aDamagedStoredMappingIsReadFromThePortalInstead() {
        assertEquals(Optional.empty(), FieldMappings.cached(OWN_FIELDS, cachedFor(OWN_FIELDS, "{\"LEAD\":")));
        assertEquals(Optional.empty(), FieldMappings.cached(OWN_FIELDS, cachedFor(OWN_FIELDS, "{\"LEAD\":{}}")));
    }
}
