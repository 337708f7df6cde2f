package ru.unitecon.simulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Read access to leads, deals and their dictionaries, plus the user-field methods (bitrix24.md §7, §8). */
final class CrmMethods {
    private CrmMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        for (CrmEntityType type : CrmEntityType.values()) {
            String prefix = "crm." + type.word();
            dispatcher.register(prefix + ".get", call -> get(call, type));
            dispatcher.register(prefix + ".list", call -> list(call, type));
            dispatcher.register(prefix + ".update", call -> update(call, type));
            dispatcher.register(prefix + ".userfield.add", call -> addUserField(call, type));
            dispatcher.register(prefix + ".userfield.list", call -> listUserFields(call, type));
            dispatcher.register(prefix + ".userfield.get", call -> getUserField(call, type));
        }
        dispatcher.register("crm.deal.contact.items.get", CrmMethods::dealContacts);
        dispatcher.register("crm.stagehistory.list", CrmMethods::stageHistory);
        dispatcher.register("crm.activity.list", call -> RestResult.of(call.portal().activities()
                .list(call.map("filter"), call.map("order"), call.list("select"), call.integer("start", 0))));
        dispatcher.register("crm.status.list", CrmMethods::statuses);
        dispatcher.register("crm.category.list", CrmMethods::categories);
    }

    private static RestResult get(RestCall call, CrmEntityType type) {
        long id = call.requiredLong("id");
        return RestResult.of(call.portal().entities(type).get(id)
                .orElseThrow(() -> RestError.notFound("Not found")));
    }

    /** Changes the given fields and DATE_MODIFY, as an edit in the portal does; answers true like Bitrix24. */
    private static RestResult update(RestCall call, CrmEntityType type) {
        long id = call.requiredLong("id");
        CrmEntityStore store = call.portal().entities(type);
        if (!store.exists(id)) {
            throw RestError.notFound("Not found");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        call.map("fields").forEach((name, value) -> fields.put(name.toUpperCase(Locale.ROOT), value));
        fields.remove("ID");
        try {
            store.update(id, fields);
        } catch (IllegalArgumentException unknownField) {
            throw RestError.invalidArgument(unknownField.getMessage());
        }
        return RestResult.of(true);
    }

    private static RestResult list(RestCall call, CrmEntityType type) {
        ListPage page = call.portal().entities(type)
                .list(call.map("filter"), call.map("order"), call.list("select"), call.integer("start", 0));
        return RestResult.of(page);
    }

    private static RestResult stageHistory(RestCall call) {
        CrmEntityType type = CrmEntityType.byEntityTypeId(call.requiredLong("entityTypeId"));
        if (type == null) {
            throw RestError.invalidArgument("entityTypeId is not a lead (1) or deal (2)");
        }
        ListPage page = call.portal().entities(type)
                .stageHistory(call.map("filter"), call.map("order"), call.list("select"), call.integer("start", 0));
        return new RestResult(Map.of("items", page.rows()), page.total(), page.next());
    }

    private static RestResult statuses(RestCall call) {
        var zone = call.portal().seed().timeZone();
        var matching = call.portal().seed().dataset().statuses().stream()
                .filter(RecordFilter.of(call.map("filter"), zone))
                .sorted(Comparator.comparing((Map<String, Object> s) -> s.get("SORT"), FieldValues.comparator(zone))
                        .thenComparing(s -> s.get("ID"), FieldValues.comparator(zone)))
                .toList();
        return new RestResult(matching, matching.size(), null);
    }

    private static RestResult categories(RestCall call) {
        long entityTypeId = call.requiredLong("entityTypeId");
        List<Map<String, Object>> categories = call.portal().seed().dataset().categories().stream()
                .filter(category -> String.valueOf(category.get("entityTypeId")).equals(String.valueOf(entityTypeId)))
                .toList();
        return new RestResult(Map.of("categories", categories), categories.size(), null);
    }

    private static RestResult addUserField(RestCall call, CrmEntityType type) {
        // crm.*.userfield.add: "Access denied." with an empty error code for a user without administrative rights.
        call.requireAdmin("", "Access denied.");
        Map<String, Object> fields = new LinkedHashMap<>();
        call.map("fields").forEach((name, value) -> fields.put(name.toUpperCase(Locale.ROOT), value));
        return RestResult.of(call.portal().userFields().add(type, fields).id());
    }

    private static RestResult getUserField(RestCall call, CrmEntityType type) {
        long id = call.requiredLong("id");
        return RestResult.of(call.portal().userFields().fields(type).stream()
                .filter(field -> field.id() == id)
                .map(UserField::definition)
                .findFirst()
                .orElseThrow(() -> RestError.notFound("User field not found")));
    }

    /** Only the deal's primary contact: the simulator keeps one CONTACT_ID per deal. */
    private static RestResult dealContacts(RestCall call) {
        Map<String, Object> deal = call.portal().deals().get(call.requiredLong("id"))
                .orElseThrow(() -> RestError.notFound("Not found"));
        Object contactId = deal.get("CONTACT_ID");
        if (FieldValues.isEmpty(contactId) || "0".equals(contactId)) {
            return RestResult.of(List.of());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("CONTACT_ID", Long.parseLong(String.valueOf(contactId)));
        item.put("SORT", 10);
        item.put("ROLE_ID", 0);
        item.put("IS_PRIMARY", "Y");
        return RestResult.of(List.of(item));
    }

    private static RestResult listUserFields(RestCall call, CrmEntityType type) {
        var zone = call.portal().seed().timeZone();
        RecordFilter filter = RecordFilter.of(call.map("filter"), zone);
        List<Map<String, Object>> fields = call.portal().userFields().fields(type).stream()
                .map(UserField::definition)
                .filter(filter)
                .toList();
        return new RestResult(fields, fields.size(), null);
    }
}
