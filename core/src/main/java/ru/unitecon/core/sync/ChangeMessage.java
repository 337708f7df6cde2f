package ru.unitecon.core.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One unit of work on the changes queue: a lead or deal that changed or was deleted, or a command for a whole
 * portal. On the wire it is a small JSON object:
 * {@code {"memberId":"…","action":"UPSERT","entity":"LEAD","id":7,"at":"2026-11-23T09:00:00Z"}};
 * {@code BACKFILL} carries {@code entity} and the {@code afterId} cursor, {@code PURGE} only the member.
 *
 * @param entity  the record kind; null for PURGE
 * @param id      the record id for UPSERT and DELETE, else null
 * @param at      when the portal sent the event (UPSERT, DELETE), else null
 * @param afterId the backfill cursor: records with a greater id are still to be read; null unless BACKFILL
 */
public record ChangeMessage(String memberId, Action action, CrmEntity entity, Long id, Instant at, Long afterId) {
    public enum Action { UPSERT, DELETE, BACKFILL, PURGE }

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChangeMessage {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(action, "action");
        switch (action) {
            case UPSERT, DELETE -> {
                Objects.requireNonNull(entity, "entity");
                Objects.requireNonNull(at, "at");
                if (id == null || id <= 0) {
                    throw new IllegalArgumentException("a change names a positive record id");
                }
            }
            case BACKFILL -> {
                Objects.requireNonNull(entity, "entity");
                if (afterId == null || afterId < 0) {
                    throw new IllegalArgumentException("a backfill carries a cursor");
                }
            }
            case PURGE -> {
            }
        }
    }

    public static ChangeMessage upsert(String memberId, CrmEntity entity, long id, Instant at) {
        return new ChangeMessage(memberId, Action.UPSERT, entity, id, at, null);
    }

    public static ChangeMessage delete(String memberId, CrmEntity entity, long id, Instant at) {
        return new ChangeMessage(memberId, Action.DELETE, entity, id, at, null);
    }

    public static ChangeMessage backfill(String memberId, CrmEntity entity, long afterId) {
        return new ChangeMessage(memberId, Action.BACKFILL, entity, null, null, afterId);
    }

    public static ChangeMessage purge(String memberId) {
        return new ChangeMessage(memberId, Action.PURGE, null, null, null, null);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("memberId", memberId);
        node.put("action", action.name());
        if (entity != null) {
            node.put("entity", entity.name());
        }
        if (id != null) {
            node.put("id", id);
        }
        if (at != null) {
            node.put("at", at.toString());
        }
        if (afterId != null) {
            node.put("afterId", afterId);
        }
        return node.toString();
    }

    /** @throws UnreadableChange when the text is not a change message */
    public static ChangeMessage fromJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new UnreadableChange("not a JSON object");
            }
            return new ChangeMessage(node.path("memberId").asText(null),
                    Action.valueOf(node.path("action").asText("")),
                    node.hasNonNull("entity") ? CrmEntity.valueOf(node.path("entity").asText()) : null,
                    node.hasNonNull("id") ? node.path("id").asLong() : null,
                    node.hasNonNull("at") ? Instant.parse(node.path("at").asText()) : null,
                    node.hasNonNull("afterId") ? node.path("afterId").asLong() : null);
        } catch (JacksonException e) {
            throw new UnreadableChange("not JSON");
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UnreadableChange("fields missing or out of range");
        }
    }
}
