package ru.unitecon.core.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One unit of work on the changes queue: a lead or deal that changed or was deleted, or a command for a whole
 * portal. On the wire it is a small JSON object:
 * {@code {"memberId":"…","action":"UPSERT","entity":"LEAD","id":7,"at":"2026-11-23T09:00:00Z"}};
 * {@code BACKFILL} carries {@code entity} and the {@code afterId} cursor, {@code PURGE} and {@code RECOUNT} only the
 * member. The sync writes two kinds itself: {@code PENDING}, changed ids of one kind that it carries over to a later
 * run ({@code ids}), and {@code CHECK_IDS}, a comparison of the portal's ids with the stored ones that started
 * {@code at} and goes on after {@code afterId}.
 *
 * @param entity  the record kind; null for PURGE and RECOUNT
 * @param id      the record id for UPSERT and DELETE, else null
 * @param at      when the portal sent the event (UPSERT, DELETE) or the check started (CHECK_IDS), else null
 * @param afterId the cursor of BACKFILL and CHECK_IDS: records with a greater id are still to be read; else null
 * @param ids     the record ids of PENDING, else empty
 */
public record ChangeMessage(String memberId, Action action, CrmEntity entity, Long id, Instant at, Long afterId,
                            List<Long> ids) {
    public enum Action { UPSERT, DELETE, BACKFILL, PURGE, PENDING, RECOUNT, CHECK_IDS }

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChangeMessage {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(action, "action");
        ids = ids == null ? List.of() : List.copyOf(ids);
        switch (action) {
            case UPSERT, DELETE -> {
                Objects.requireNonNull(entity, "entity");
                Objects.requireNonNull(at, "at");
                if (id == null || id <= 0) {
                    throw new IllegalArgumentException("a change names a positive record id");
                }
            }
            case BACKFILL, CHECK_IDS -> {
                Objects.requireNonNull(entity, "entity");
                if (afterId == null || afterId < 0) {
                    throw new IllegalArgumentException("a scan carries a cursor");
                }
                if (action == Action.CHECK_IDS) {
                    Objects.requireNonNull(at, "at");
                }
            }
            case PENDING -> {
                Objects.requireNonNull(entity, "entity");
                if (ids.isEmpty() || ids.stream().anyMatch(value -> value == null || value <= 0)) {
                    throw new IllegalArgumentException("pending changes name positive record ids");
                }
            }
            case PURGE, RECOUNT -> {
            }
        }
    }

    public static ChangeMessage upsert(String memberId, CrmEntity entity, long id, Instant at) {
        return new ChangeMessage(memberId, Action.UPSERT, entity, id, at, null, List.of());
    }

    public static ChangeMessage delete(String memberId, CrmEntity entity, long id, Instant at) {
        return new ChangeMessage(memberId, Action.DELETE, entity, id, at, null, List.of());
    }

    public static ChangeMessage backfill(String memberId, CrmEntity entity, long afterId) {
        return new ChangeMessage(memberId, Action.BACKFILL, entity, null, null, afterId, List.of());
    }

    public static ChangeMessage purge(String memberId) {
        return new ChangeMessage(memberId, Action.PURGE, null, null, null, null, List.of());
    }

    public static ChangeMessage pending(String memberId, CrmEntity entity, List<Long> ids) {
        return new ChangeMessage(memberId, Action.PENDING, entity, null, null, null, ids);
    }

    public static ChangeMessage recount(String memberId) {
        return new ChangeMessage(memberId, Action.RECOUNT, null, null, null, null, List.of());
    }

    public static ChangeMessage checkIds(String memberId, CrmEntity entity, long afterId, Instant startedAt) {
        return new ChangeMessage(memberId, Action.CHECK_IDS, entity, null, startedAt, afterId, List.of());
    }

    /** The record ids this message asks to fetch again: its id, or its ids. */
    public List<Long> changedIds() {
        return switch (action) {
            case UPSERT -> List.of(id);
            case PENDING -> ids;
            default -> List.of();
        };
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
        if (!ids.isEmpty()) {
            ids.forEach(node.putArray("ids")::add);
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
            List<Long> ids = new ArrayList<>();
            for (JsonNode value : node.path("ids")) {
                if (!value.canConvertToLong()) {
                    throw new UnreadableChange("ids must be numbers");
                }
                ids.add(value.asLong());
            }
            return new ChangeMessage(node.path("memberId").asText(null),
                    Action.valueOf(node.path("action").asText("")),
                    node.hasNonNull("entity") ? CrmEntity.valueOf(node.path("entity").asText()) : null,
                    node.hasNonNull("id") ? node.path("id").asLong() : null,
                    node.hasNonNull("at") ? Instant.parse(node.path("at").asText()) : null,
                    node.hasNonNull("afterId") ? node.path("afterId").asLong() : null,
                    ids);
        } catch (JacksonException e) {
            throw new UnreadableChange("not JSON");
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UnreadableChange("fields missing or out of range");
        }
    }
}
