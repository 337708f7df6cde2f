package ru.unitecon.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.BracketQuery;
import ru.unitecon.core.bitrix.rest.CommandError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the app sets up on a portal with the admin's token, on install and again on every update (a new version
 * loses the app's event handlers): the event bindings, the placements (the dashboards under CRM ▸ Analytics, and the
 * client tab in contact and deal cards) and the appointment user fields (time, state, and the reminder marker the
 * portal's automation rules react to).
 * Everything is safe to repeat: a binding that exists counts as done, a user field that exists is not added.
 */
public final class EventBindings {
    public static final List<String> EVENTS = List.of(
            "ONCRMLEADADD", "ONCRMLEADUPDATE", "ONCRMLEADDELETE",
            "ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE",
            "ONAPPINSTALL", "ONAPPUPDATE", "ONAPPUNINSTALL");
    public static final String PLACEMENT = "CRM_ANALYTICS_MENU";
    /** The client tab of CRM cards; the portal POSTs the card's record as PLACEMENT_OPTIONS {"ID":"…"}. */
    public static final List<String> CRM_TABS = List.of("CRM_CONTACT_DETAIL_TAB", "CRM_DEAL_DETAIL_TAB");
    /** Every placement the app binds, all to the app's one entry, which tells them apart by PLACEMENT. */
    /**
     * Opens the app from a link {@code /marketplace/view/{code}/?params[view]=channels} in a notification, with the
     * params in PLACEMENT_OPTIONS: the alerts link straight into the view they are about.
     */
    public static final String LINK_PLACEMENT = "REST_APP_URI";
    /** Every placement the app binds, all to the app's one entry, which tells them apart by PLACEMENT. */
    public static final List<String> PLACEMENTS = List.of(PLACEMENT, CRM_TABS.get(0), CRM_TABS.get(1), LINK_PLACEMENT);
    static final String TITLE_RU = "Юнит-экономика";
    static final String TITLE_EN = "Unit economics";

    private static final Logger LOG = LoggerFactory.getLogger(EventBindings.class);
    private static final String TIME_FIELD_SHORT = AppointmentFieldMapping.TIME_FIELD.substring("UF_CRM_".length());
    private static final String STATE_FIELD_SHORT = AppointmentFieldMapping.STATE_FIELD.substring("UF_CRM_".length());
    private static final String REMINDER_FIELD_SHORT =
            AppointmentFieldMapping.REMINDER_FIELD.substring("UF_CRM_".length());

    private final AppAddresses addresses;

    public EventBindings(AppAddresses addresses) {
        this.addresses = addresses;
    }

    /**
     * Binds and creates what is missing: one batch request for the bindings and the user-field lookups, then one
     * request per user field that does not exist yet.
     *
     * @throws BitrixApiError when the portal refuses a binding for another reason than that it exists
     */
    public void apply(BitrixRestClient client) {
        Map<String, String> commands = new LinkedHashMap<>();
        for (String event : EVENTS) {
            commands.put("bind_" + event, "event.bind?" + BracketQuery.encode(
                    Map.of("event", event, "handler", addresses.eventsUrl().toString())));
        }
        for (String placement : PLACEMENTS) {
            commands.put("placement_" + placement, "placement.bind?" + BracketQuery.encode(placement(placement)));
        }
        for (CrmEntity entity : CrmEntity.values()) {
            for (String field : List.of(AppointmentFieldMapping.TIME_FIELD, AppointmentFieldMapping.STATE_FIELD,
                    AppointmentFieldMapping.REMINDER_FIELD)) {
                commands.put(fieldKey(entity, field), entity.userFieldListMethod() + "?"
                        + BracketQuery.encode(Map.of("filter", Map.of("FIELD_NAME", field))));
            }
        }
        BatchResult result = client.batch(commands);
        commands.keySet().stream().filter(key -> !key.startsWith("field_")).forEach(key ->
                result.error(key).filter(error -> !isAlreadyBound(error)).ifPresent(error -> {
                    throw new BitrixApiError(commands.get(key).split("\\?", 2)[0], error.errorCode(), 400);
                }));
        for (CrmEntity entity : CrmEntity.values()) {
            if (isMissing(result, fieldKey(entity, AppointmentFieldMapping.TIME_FIELD))) {
                addField(client, entity, timeField());
            }
            if (isMissing(result, fieldKey(entity, AppointmentFieldMapping.STATE_FIELD))) {
                addField(client, entity, stateField());
            }
            if (isMissing(result, fieldKey(entity, AppointmentFieldMapping.REMINDER_FIELD))) {
                addField(client, entity, reminderField());
            }
        }
    }

    private Map<String, Object> placement(String placement) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("PLACEMENT", placement);
        params.put("HANDLER", addresses.appUrl().toString());
        params.put("TITLE", TITLE_RU);
        params.put("LANG_ALL", Map.of("ru", Map.of("TITLE", TITLE_RU), "en", Map.of("TITLE", TITLE_EN)));
        return params;
    }

    /** Bitrix24 refuses to bind an event or placement handler twice with "Unable to set … handler". */
    static boolean isAlreadyBound(CommandError error) {
        String text = (error.errorCode() + " " + error.description()).toLowerCase(Locale.ROOT);
        return text.contains("unable to set") || text.contains("already");
    }

    private static String fieldKey(CrmEntity entity, String field) {
        return "field_" + entity.name() + "_" + field;
    }

    private static boolean isMissing(BatchResult result, String key) {
        if (result.error(key).isPresent()) {
            CommandError error = result.error(key).get();
            throw new BitrixApiError("userfield.list", error.errorCode(), 400);
        }
        JsonNode found = result.result(key).orElse(null);
        return found == null || !found.isArray() || found.isEmpty();
    }

    private static void addField(BitrixRestClient client, CrmEntity entity, Map<String, Object> fields) {
        client.call(entity.userFieldAddMethod(), Map.of("fields", fields));
        LOG.info("created user field {} with {}", fields.get("FIELD_NAME"), entity.userFieldAddMethod());
    }

    // The method table types the labels as strings, so each label carries both languages.
    private static Map<String, Object> timeField() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FIELD_NAME", TIME_FIELD_SHORT);
        fields.put("USER_TYPE_ID", "datetime");
        fields.put("XML_ID", TIME_FIELD_SHORT);
        fields.put("LABEL", "Время записи / Appointment time");
        fields.put("SHOW_FILTER", "Y");
        return fields;
    }

    /** Set by each reminder to "24h 24.11.2026 15:00" and the like: the portal's automation rules react to it. */
    private static Map<String, Object> reminderField() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FIELD_NAME", REMINDER_FIELD_SHORT);
        fields.put("USER_TYPE_ID", "string");
        fields.put("XML_ID", REMINDER_FIELD_SHORT);
        fields.put("LABEL", "Напоминание о записи / Appointment reminder");
        fields.put("SHOW_FILTER", "Y");
        return fields;
    }

    private static Map<String, Object> stateField() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FIELD_NAME", STATE_FIELD_SHORT);
        fields.put("USER_TYPE_ID", "enumeration");
        fields.put("XML_ID", STATE_FIELD_SHORT);
        fields.put("LABEL", "Статус записи / Appointment status");
        fields.put("SHOW_FILTER", "Y");
        List<Map<String, Object>> items = new ArrayList<>();
        int sort = 10;
        for (AppointmentState state : AppointmentState.values()) {
            items.add(Map.of("VALUE", label(state), "SORT", sort, "DEF", "N", "XML_ID", state.name()));
            sort += 10;
        }
        fields.put("LIST", items);
        return fields;
    }

    private static String label(AppointmentState state) {
        return switch (state) {
            case BOOKED -> "Записан / Booked";
            case CONFIRMED -> "Подтверждён / Confirmed";
            case ATTENDED -> "Пришёл / Attended";
            case NO_SHOW -> "Не пришёл / No-show";
            case CANCELLED -> "Отменён / Cancelled";
        };
    }
}
