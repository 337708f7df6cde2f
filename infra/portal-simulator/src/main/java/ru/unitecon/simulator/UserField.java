package ru.unitecon.simulator;

import java.util.Map;

/** A custom field the app created with {@code crm.*.userfield.add}; {@code definition} is what userfield.list returns. */
public record UserField(long id, CrmEntityType entityType, String fieldName, String userTypeId, boolean multiple,
                        Map<String, Object> definition) {

    public UserField {
        definition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definition));
    }
}
