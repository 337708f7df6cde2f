package ru.unitecon.core.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.store.SyncStateStore;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a portal keeps appointments, read from its user fields ({@code crm.lead.userfield.list} and the deal one,
 * one batch request) and kept in the portal's SYNC item. It is read again only when the settings name other fields,
 * or when a fetched record no longer matches it (a field deleted, an enumeration item added): a sync run then costs
 * no REST call besides the records themselves.
 */
final class FieldMappings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncStateStore store;

    FieldMappings(SyncStateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The cached mapping, when there is one and it was read for these settings. */
    static Optional<Map<CrmEntity, AppointmentFieldMapping>> cached(AppointmentFields named,
                                                                    SyncStateStore.State state) {
        if (!key(named).equals(state.fieldsFor()) || state.fields() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(state.fields()));
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            // Written by an older version, or damaged: the portal has the answer.
            return Optional.empty();
        }
    }

    /** Reads the portal's user fields now and keeps the mapping they give. */
    Map<CrmEntity, AppointmentFieldMapping> reread(String memberId, AppointmentFields named,
                                                   BitrixRestClient client) {
        Map<CrmEntity, AppointmentFieldMapping> mappings = read(named, client);
        store.saveFields(memberId, key(named), encode(mappings));
        return mappings;
    }

    /** The mapping the portal's user fields give now, read without keeping it. */
    static Map<CrmEntity, AppointmentFieldMapping> read(AppointmentFields named, BitrixRestClient client) {
        Map<String, String> commands = new LinkedHashMap<>();
        for (CrmEntity entity : CrmEntity.values()) {
            commands.put(entity.name(), entity.userFieldListMethod());
        }
        BatchResult fields = client.batch(commands);
        Map<CrmEntity, AppointmentFieldMapping> mappings = new EnumMap<>(CrmEntity.class);
        for (CrmEntity entity : CrmEntity.values()) {
            Map<String, AppointmentState> stages = entity == CrmEntity.DEAL ? named.stageStates() : Map.of();
            mappings.put(entity, fields.result(entity.name()).filter(JsonNode::isArray)
                    .map(list -> AppointmentFieldMapping.fromUserFields(list, named.timeField(), named.stateField(),
                            stages))
                    .orElse(AppointmentFieldMapping.NONE));
        }
        return mappings;
    }

    /** Which settings a cached mapping was read for. */
    static String key(AppointmentFields named) {
        return named.timeField() + "|" + Objects.toString(named.stateField(), "") + "|"
                + new TreeMap<>(named.stageStates());
    }

    static String encode(Map<CrmEntity, AppointmentFieldMapping> mappings) {
        ObjectNode root = JSON.createObjectNode();
        mappings.forEach((entity, mapping) -> {
            ObjectNode node = root.putObject(entity.name());
            node.put("time", mapping.timeField());
            node.put("dateOnly", mapping.dateOnly());
            node.put("state", mapping.stateField());
            ObjectNode states = node.putObject("states");
            mapping.states().forEach((item, state) -> states.put(item, state.name()));
            mapping.otherItems().forEach(node.putArray("other")::add);
            ObjectNode stages = node.putObject("stages");
            mapping.stageStates().forEach((stage, state) -> stages.put(stage, state.name()));
        });
        return root.toString();
    }

    static Map<CrmEntity, AppointmentFieldMapping> decode(String text) throws JacksonException {
        JsonNode root = JSON.readTree(text);
        Map<CrmEntity, AppointmentFieldMapping> mappings = new EnumMap<>(CrmEntity.class);
        for (CrmEntity entity : CrmEntity.values()) {
            JsonNode node = root.get(entity.name());
            Objects.requireNonNull(node, entity.name());
            Map<String, AppointmentState> states = new HashMap<>();
            node.path("states").properties().forEach(e -> states.put(e.getKey(),
                    AppointmentState.valueOf(e.getValue().asText())));
            Set<String> other = new HashSet<>();
            node.path("other").forEach(item -> other.add(item.asText()));
            Map<String, AppointmentState> stages = new HashMap<>();
            node.path("stages").properties().forEach(e -> stages.put(e.getKey(),
                    AppointmentState.valueOf(e.getValue().asText())));
            mappings.put(entity, new AppointmentFieldMapping(text(node, "time"), node.path("dateOnly").asBoolean(),
                    text(node, "state"), states, other, stages));
        }
        return mappings;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
