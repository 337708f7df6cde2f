package ru.unitecon.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The user fields of a portal's leads and deals; names get the {@code UF_CRM_} prefix as on a real portal (bitrix24.md §8). */
final class UserFieldRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]+");
    private static final int MAX_NAME_LENGTH = 50;

    private final List<UserField> fields = new ArrayList<>();
    private long lastId = 100;
    private long lastItemId = 40;

    synchronized UserField add(CrmEntityType type, Map<String, Object> definition) {
        String fieldName = fullName(String.valueOf(definition.get("FIELD_NAME")));
        if (!NAME.matcher(fieldName).matches() || fieldName.length() > MAX_NAME_LENGTH) {
            throw new RestError(400, "ERROR_CORE", "Invalid field name " + fieldName);
        }
        if (find(type, fieldName).isPresent()) {
            throw new RestError(400, "ERROR_CORE", "Field " + fieldName + " already exists");
        }
        long id = ++lastId;
        boolean multiple = "Y".equals(String.valueOf(definition.getOrDefault("MULTIPLE", "N")))
                || "1".equals(String.valueOf(definition.get("MULTIPLE")));
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("ID", String.valueOf(id));
        listed.put("ENTITY_ID", type.userFieldEntityId());
        listed.put("FIELD_NAME", fieldName);
        listed.put("USER_TYPE_ID", String.valueOf(definition.get("USER_TYPE_ID")));
        listed.put("XML_ID", definition.get("XML_ID"));
        listed.put("SORT", String.valueOf(definition.getOrDefault("SORT", "100")));
        listed.put("MULTIPLE", multiple ? "Y" : "N");
        listed.put("MANDATORY", yesNo(definition.get("MANDATORY")));
        listed.put("SHOW_FILTER", yesNo(definition.get("SHOW_FILTER")));
        listed.put("SHOW_IN_LIST", yesNo(definition.getOrDefault("SHOW_IN_LIST", "Y")));
        listed.put("EDIT_IN_LIST", yesNo(definition.getOrDefault("EDIT_IN_LIST", "Y")));
        listed.put("IS_SEARCHABLE", yesNo(definition.get("IS_SEARCHABLE")));
        listed.put("SETTINGS", definition.getOrDefault("SETTINGS", Map.of()));
        if ("enumeration".equals(String.valueOf(definition.get("USER_TYPE_ID")))) {
            listed.put("LIST", listItems(definition.get("LIST")));
        }
        UserField field = new UserField(id, type, fieldName, String.valueOf(definition.get("USER_TYPE_ID")), multiple, listed);
        fields.add(field);
        return field;
    }

    /**
     * An enumeration's items as userfield.list shows them: each gets a portal-wide ID, which is what records hold
     * as the field's value (bitrix24.md §8).
     */
    private List<Map<String, Object>> listItems(Object given) {
        List<?> items = switch (given) {
            case List<?> list -> list;
            // A form-encoded LIST arrives as LIST[0][VALUE]=..., i.e. a map keyed by position.
            case Map<?, ?> map -> map.entrySet().stream()
                    .sorted(Comparator.comparing(entry -> Integer.parseInt(String.valueOf(entry.getKey()))))
                    .map(Map.Entry::getValue).toList();
            case null, default -> List.of();
        };
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> fields)) {
                throw new RestError(400, "ERROR_CORE", "Invalid LIST item " + item);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("ID", String.valueOf(++lastItemId));
            entry.put("SORT", String.valueOf(fields.containsKey("SORT") ? fields.get("SORT") : "500"));
            entry.put("VALUE", String.valueOf(fields.get("VALUE")));
            entry.put("DEF", yesNo(fields.get("DEF")));
            entry.put("XML_ID", fields.containsKey("XML_ID") ? String.valueOf(fields.get("XML_ID")) : RandomHex.of(16));
            listed.add(entry);
        }
        return listed;
    }

    synchronized List<UserField> fields(CrmEntityType type) {
        return fields.stream().filter(field -> field.entityType() == type).toList();
    }

    synchronized Optional<UserField> find(CrmEntityType type, String fieldName) {
        return fields.stream()
                .filter(field -> field.entityType() == type && field.fieldName().equals(fieldName))
                .findFirst();
    }

    static String fullName(String given) {
        String name = given.toUpperCase(Locale.ROOT);
        if (name.startsWith("UF_CRM_")) {
            return name;
        }
        return "UF_CRM_" + (name.startsWith("UF_") ? name.substring(3) : name);
    }

    private static String yesNo(Object value) {
        String text = String.valueOf(value);
        return text.equals("Y") || text.equals("1") || text.equals("true") ? "Y" : "N";
    }

    /** The ID of the enumeration item with this XML_ID in the user field, as a record holds it. */
    synchronized String enumerationItem(CrmEntityType type, String fieldName, String xmlId) {
        UserField field = find(type, fieldName)
                .orElseThrow(() -> new IllegalArgumentException(fieldName + " is not a user field of " + type.word() + "s"));
        if (!(field.definition().get("LIST") instanceof List<?> items)) {
            throw new IllegalArgumentException(fieldName + " is not an enumeration");
        }
        return items.stream().map(item -> (Map<?, ?>) item)
                .filter(item -> xmlId.equals(item.get("XML_ID")))
                .map(item -> String.valueOf(item.get("ID")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fieldName + " has no item " + xmlId));
    }
}
