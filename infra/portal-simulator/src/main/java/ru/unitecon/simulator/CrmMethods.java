package ru.unitecon.simulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
            dispatcher.register(prefix + ".userfield.add", call -> addUserField(call, type));
            dispatcher.register(prefix + ".userfield.list", call -> listUserFields(call, type));
        }
        dispatcher.register("crm.status.list", CrmMethods::statuses);
        dispatcher.register("crm.category.list", CrmMethods::categories);
    }

    private static RestResult get(RestCall call, CrmEntityType type) {
        long id = call.requiredLong("id");
        return RestResult.of(call.portal().entities(type).get(id)
                .orElseThrow(() -> RestError.notFound("Not found")));
    }

    private static RestResult list(RestCall call, CrmEntityType type) {
        ListPage page = call.portal().entities(type)
                .list(call.map("filter"), call.map("order"), call.list("select"), call.integer("start", 0));
        return RestResult.of(page);
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
        call.requireAdmin();
        Map<String, Object> fields = new LinkedHashMap<>();
        call.map("fields").forEach((name, value) -> fields.put(name.toUpperCase(java.util.Locale.ROOT), value));
        return RestResult.of(call.portal().userFields().add(type, fields).id());
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
