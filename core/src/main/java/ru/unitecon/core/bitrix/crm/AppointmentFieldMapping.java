package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.crm.AppointmentObservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a portal keeps appointments: the app's datetime user field and its enumeration user field. A record
 * holds the enumeration's item id, which differs per portal, so the item ids are mapped to states through the
 * items' XML_IDs, which the app chose when it created the field.
 *
 * @param timeField  the datetime field, or null when the portal has none
 * @param stateField the enumeration field, or null when the portal has none
 * @param states     enumeration item id to state
 */
public record AppointmentFieldMapping(String timeField, String stateField, Map<String, AppointmentState> states) {
    public static final String TIME_FIELD = "UF_CRM_UE_APPT_AT";
    public static final String STATE_FIELD = "UF_CRM_UE_APPT_STATE";
    public static final AppointmentFieldMapping NONE = new AppointmentFieldMapping(null, null, Map.of());

    public AppointmentFieldMapping {
        states = Map.copyOf(states);
    }

    /**
     * Builds the mapping from the result of {@code crm.lead.userfield.list} (or the deal one): the app's two
     * fields and the items of the enumeration. Items whose XML_ID is not a state are left out.
     */
    public static AppointmentFieldMapping fromUserFields(JsonNode userFields) {
        JsonNode time = field(userFields, TIME_FIELD);
        if (time == null) {
            return NONE;
        }
        JsonNode state = field(userFields, STATE_FIELD);
        if (state == null) {
            return new AppointmentFieldMapping(TIME_FIELD, null, Map.of());
        }
        Map<String, AppointmentState> states = new HashMap<>();
        for (JsonNode item : state.path("LIST")) {
            String id = CrmValues.text(item, "ID");
            String xmlId = CrmValues.text(item, "XML_ID");
            AppointmentState mapped = xmlId == null ? null : stateNamed(xmlId);
            if (id != null && mapped != null) {
                states.put(id, mapped);
            }
        }
        return new AppointmentFieldMapping(TIME_FIELD, STATE_FIELD, states);
    }

    /** The field names to add to a {@code select}. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (timeField != null) {
            fields.add(timeField);
        }
        if (stateField != null) {
            fields.add(stateField);
        }
        return List.copyOf(fields);
    }

    /** The record's appointment, or null when it has no appointment time. */
    public AppointmentObservation read(JsonNode record) {
        if (timeField == null) {
            return null;
        }
        Instant time = CrmValues.instant(record, timeField);
        if (time == null) {
            return null;
        }
        String itemId = stateField == null ? null : itemId(record.path(stateField));
        return new AppointmentObservation(time, itemId == null ? null : states.get(itemId));
    }

    /** Enumeration values come back as an item id, a number, or a list of ids when the field is multiple. */
    private static String itemId(JsonNode value) {
        if (value.isArray()) {
            return value.isEmpty() ? null : itemId(value.get(0));
        }
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static JsonNode field(JsonNode userFields, String name) {
        for (JsonNode field : userFields) {
            if (name.equals(CrmValues.text(field, "FIELD_NAME"))) {
                return field;
            }
        }
        return null;
    }

    private static AppointmentState stateNamed(String xmlId) {
        try {
            return AppointmentState.valueOf(xmlId.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
