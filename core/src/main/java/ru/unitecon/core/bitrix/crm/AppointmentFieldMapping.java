package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.crm.AppointmentObservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a portal keeps appointments: a datetime user field and an enumeration user field (the app's own by default,
 * or the portal's own ones named in settings), and for deals optionally stages that mean a state. A record holds the
 * enumeration's item id, which differs per portal, so the item ids are mapped to states through the items'
 * XML_IDs, which the app chose when it created the field.
 *
 * @param timeField   the datetime (or date) field, or null when the portal has none
 * @param dateOnly    whether the time field is a date user field: its value is a calendar date as written
 * @param stateField  the enumeration field, or null when the portal has none
 * @param states      enumeration item id to state
 * @param otherItems  ids of the enumeration's items that mean no state (their XML_ID is none of ours)
 * @param stageStates STAGE_ID to state, used when the state field is empty (deals only)
 */
public record AppointmentFieldMapping(String timeField, boolean dateOnly, String stateField,
                                      Map<String, AppointmentState> states, Set<String> otherItems,
                                      Map<String, AppointmentState> stageStates) {
    public static final String TIME_FIELD = "UF_CRM_UE_APPT_AT";
    public static final String STATE_FIELD = "UF_CRM_UE_APPT_STATE";
    /** The app's text field that reminders set, so the portal's own automation rules can message the client. */
    public static final String REMINDER_FIELD = "UF_CRM_UE_REMINDER";
    public static final AppointmentFieldMapping NONE =
            new AppointmentFieldMapping(null, false, null, Map.of(), Set.of(), Map.of());
    private static final String DATE_TYPE = "date";
    private static final String STAGE_FIELD = "STAGE_ID";

    public AppointmentFieldMapping {
        states = Map.copyOf(states);
        otherItems = Set.copyOf(otherItems);
        stageStates = Map.copyOf(stageStates);
    }

    /**
     * Builds the mapping from the result of {@code crm.lead.userfield.list} (or the deal one): the app's two
     * fields and the items of the enumeration. Items whose XML_ID is not a state are left out.
     */
    public static AppointmentFieldMapping fromUserFields(JsonNode userFields) {
        return fromUserFields(userFields, TIME_FIELD, STATE_FIELD, Map.of());
    }

    /**
     * As {@link #fromUserFields(JsonNode)} for the fields a portal's settings name; {@code stageStates} applies to
     * records whose state field is empty (pass an empty map for leads, whose stages are not visit states).
     */
    public static AppointmentFieldMapping fromUserFields(JsonNode userFields, String timeFieldName,
                                                         String stateFieldName,
                                                         Map<String, AppointmentState> stageStates) {
        JsonNode time = field(userFields, timeFieldName);
        if (time == null) {
            return NONE;
        }
        boolean dateOnly = DATE_TYPE.equals(CrmValues.text(time, "USER_TYPE_ID"));
        JsonNode state = stateFieldName == null ? null : field(userFields, stateFieldName);
        if (state == null) {
            return new AppointmentFieldMapping(timeFieldName, dateOnly, null, Map.of(), Set.of(), stageStates);
        }
        Map<String, AppointmentState> states = new HashMap<>();
        Set<String> otherItems = new HashSet<>();
        for (JsonNode item : state.path("LIST")) {
            String id = CrmValues.text(item, "ID");
            String xmlId = CrmValues.text(item, "XML_ID");
            AppointmentState mapped = xmlId == null ? null : stateNamed(xmlId);
            if (id != null && mapped != null) {
                states.put(id, mapped);
            } else if (id != null) {
                otherItems.add(id);
            }
        }
        return new AppointmentFieldMapping(timeFieldName, dateOnly, stateFieldName, states, otherItems, stageStates);
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
        if (!stageStates.isEmpty()) {
            fields.add(STAGE_FIELD);
        }
        return List.copyOf(fields);
    }

    /**
     * Whether this mapping still describes the record: every field it reads is there, and the state is one of the
     * enumeration items it knows. A field deleted or an item added on the portal since the mapping was read shows
     * up here first.
     */
    public boolean covers(JsonNode record) {
        for (String field : fields()) {
            if (!record.has(field)) {
                return false;
            }
        }
        String itemId = stateField == null ? null : itemId(record.path(stateField));
        return itemId == null || states.containsKey(itemId) || otherItems.contains(itemId);
    }

    /** The record's appointment, or null when it has no appointment time. */
    public AppointmentObservation read(JsonNode record) {
        if (timeField == null) {
            return null;
        }
        Instant time = dateOnly ? null : CrmValues.instant(record, timeField);
        LocalDate date = dateOnly ? CrmValues.date(record, timeField) : null;
        if (time == null && date == null) {
            return null;
        }
        String itemId = stateField == null ? null : itemId(record.path(stateField));
        AppointmentState state = itemId == null ? null : states.get(itemId);
        String stage = CrmValues.text(record, STAGE_FIELD);
        if (state == null && stage != null) {
            state = stageStates.get(stage);
        }
        return new AppointmentObservation(time, date, state);
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
