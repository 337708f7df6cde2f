package ru.unitecon.simulator;

import java.util.Locale;
import java.util.Map;

/** How the app tells people things: notifications, timeline comments, to-dos (bitrix24.md §9). */
final class NotificationMethods {
    private NotificationMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        dispatcher.register("im.notify.system.add", call -> notify(call, "system"));
        dispatcher.register("im.notify.personal.add", call -> notify(call, "personal"));
        dispatcher.register("crm.timeline.comment.add", NotificationMethods::comment);
        dispatcher.register("crm.activity.todo.add", NotificationMethods::todo);
    }

    private static RestResult notify(RestCall call, String kind) {
        String toUser = call.requiredString("USER_ID");
        call.portal().user(toUser);
        long id = call.portal().nextId();
        call.portal().records().notifications.add(new PortalRecords.Notification(
                id, kind, toUser, call.userId(), call.requiredString("MESSAGE"), call.string("TAG")));
        return RestResult.of(id);
    }

    private static RestResult comment(RestCall call) {
        Map<String, Object> fields = call.map("fields");
        String entityType = String.valueOf(fields.get("ENTITY_TYPE")).toUpperCase(Locale.ROOT);
        CrmEntityType type = switch (entityType) {
            case "LEAD" -> CrmEntityType.LEAD;
            case "DEAL" -> CrmEntityType.DEAL;
            default -> throw RestError.invalidArgument("ENTITY_TYPE " + entityType + " is not simulated");
        };
        long entityId = existingEntity(call, type, fields.get("ENTITY_ID"));
        long id = call.portal().nextId();
        call.portal().records().timelineComments.add(new PortalRecords.TimelineComment(
                id, type, entityId, String.valueOf(fields.get("COMMENT")), call.userId()));
        return RestResult.of(id);
    }

    private static RestResult todo(RestCall call) {
        CrmEntityType type = CrmEntityType.byEntityTypeId(call.requiredLong("ownerTypeId"));
        if (type == null) {
            throw RestError.invalidArgument("ownerTypeId is not a lead (1) or deal (2)");
        }
        long ownerId = existingEntity(call, type, call.requiredString("ownerId"));
        long id = call.portal().nextId();
        call.portal().records().todos.add(new PortalRecords.Todo(id, type, ownerId, call.requiredString("deadline"),
                call.string("title"), call.string("description"),
                call.string("responsibleId") == null ? call.userId() : call.string("responsibleId")));
        return RestResult.of(Map.of("id", id));
    }

    private static long existingEntity(RestCall call, CrmEntityType type, Object id) {
        long entityId;
        try {
            entityId = Long.parseLong(String.valueOf(id));
        } catch (NumberFormatException e) {
            throw RestError.invalidArgument("Entity ID is not an integer");
        }
        if (!call.portal().entities(type).exists(entityId)) {
            throw RestError.notFound(type.word() + " " + entityId + " not found");
        }
        return entityId;
    }
}
