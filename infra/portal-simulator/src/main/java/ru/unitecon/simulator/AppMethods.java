package ru.unitecon.simulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The app-context methods: who am I, am I an administrator, the server's time, event and placement bindings
 * (bitrix24.md §2.6, §5.1, §6.1). Rights follow the methods' documentation: {@code user.admin} and {@code profile} answer any user;
 * {@code event.bind} binds a user's own online handlers but refuses offline events and another user's
 * {@code auth_type} to anyone but an administrator; {@code placement.bind}/{@code unbind} are for administrators.
 */
final class AppMethods {
    /** Event codes a portal knows; binding anything else fails as on a real portal. */
    private static final Set<String> EVENTS = Set.of(
            "ONCRMLEADADD", "ONCRMLEADUPDATE", "ONCRMLEADDELETE",
            "ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE", "ONCRMDEALMOVETOCATEGORY",
            "ONCRMLEADUSERFIELDADD", "ONCRMDEALUSERFIELDADD",
            "ONAPPINSTALL", "ONAPPUPDATE", "ONAPPUNINSTALL", "ONOFFLINEEVENT", "ONAPPTEST");
    private static final Set<String> PLACEMENTS = Set.of(
            "LEFT_MENU", "CRM_LEAD_DETAIL_TAB", "CRM_DEAL_DETAIL_TAB", "CRM_CONTACT_DETAIL_TAB", "CRM_LEAD_LIST_MENU",
            "CRM_DEAL_LIST_MENU",
            "CRM_ANALYTICS_MENU", "CRM_LEAD_DETAIL_TOOLBAR", "CRM_DEAL_DETAIL_TOOLBAR", "REST_APP_URI",
            "PAGE_BACKGROUND_WORKER");

    private AppMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        dispatcher.register("profile", AppMethods::profile);
        dispatcher.register("user.admin", call -> RestResult.of(call.byAdmin()));
        dispatcher.register("user.get", AppMethods::users);
        // The current time in the portal's zone, the zone every date and time of the portal is written in.
        dispatcher.register("server.time", call -> RestResult.of(
                FieldValues.dateTime(call.portal().clock().instant(), call.portal().seed().timeZone())));
        dispatcher.register("app.info", AppMethods::appInfo);
        dispatcher.register("event.bind", AppMethods::bindEvent);
        dispatcher.register("event.unbind", AppMethods::unbindEvent);
        dispatcher.register("event.get", AppMethods::boundEvents);
        dispatcher.register("placement.bind", AppMethods::bindPlacement);
        dispatcher.register("placement.unbind", AppMethods::unbindPlacement);
        dispatcher.register("placement.get", AppMethods::boundPlacements);
        dispatcher.register("placement.list", call -> RestResult.of(PLACEMENTS.stream().sorted().toList()));
    }

    /**
     * user.get: the portal's users matching FILTER (its field names, with the documented prefixes such as
     * {@code @ID} for a list), by ID, 50 a page from {@code start}; any user may call it.
     */
    private static RestResult users(RestCall call) {
        var zone = call.portal().seed().timeZone();
        List<Map<String, Object>> matching = call.portal().seed().dataset().users().stream()
                .filter(RecordFilter.of(call.map("FILTER"), zone))
                .sorted(Comparator.comparingLong(user -> Long.parseLong(String.valueOf(user.get("ID")))))
                .toList();
        return RestResult.of(ListPage.of(matching, call.integer("start", 0), user -> user));
    }

    private static RestResult profile(RestCall call) {
        Map<String, Object> user = call.portal().user(call.userId());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("ID", call.userId());
        profile.put("ADMIN", call.byAdmin());
        profile.put("NAME", user.get("NAME"));
        profile.put("LAST_NAME", user.get("LAST_NAME"));
        profile.put("PERSONAL_GENDER", user.getOrDefault("PERSONAL_GENDER", ""));
        profile.put("PERSONAL_PHOTO", "");
        profile.put("TIME_ZONE", user.getOrDefault("TIME_ZONE", ""));
        profile.put("TIME_ZONE_OFFSET", call.portal().seed().timeZone().getRules()
                .getOffset(call.portal().clock().instant()).getTotalSeconds());
        return RestResult.of(profile);
    }

    private static RestResult appInfo(RestCall call) {
        AppInstallation installation = call.portal().installation();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ID", 1);
        info.put("CODE", call.portal().seed().clientId());
        info.put("VERSION", installation.version());
        info.put("STATUS", installation.status());
        info.put("INSTALLED", installation.isInstalled());
        info.put("PAYMENT_EXPIRED", "N");
        info.put("DAYS", null);
        info.put("LANGUAGE_ID", "ru");
        info.put("LICENSE", "ru_project");
        info.put("LICENSE_TYPE", "project");
        info.put("LICENSE_FAMILY", "project");
        return RestResult.of(info);
    }

    private static RestResult bindEvent(RestCall call) {
        String event = call.requiredString("event").toUpperCase(Locale.ROOT);
        String eventType = call.string("event_type") == null ? "online" : call.string("event_type");
        String handler = eventType.equals("offline") ? "" : call.requiredString("handler");
        if (!EVENTS.contains(event)) {
            throw new RestError(400, "ERROR_EVENT_NOT_FOUND", "Event not found");
        }
        String authType = boundAuthType(call, eventType);
        var events = call.portal().records().events;
        synchronized (events) {
            if (events.stream().anyMatch(b -> b.event().equals(event) && b.handler().equals(handler))) {
                throw new RestError(400, "ERROR_CORE", "Unable to set event handler: Handler already binded");
            }
            events.add(new PortalRecords.EventBinding(call.portal().nextId(), event, handler, authType, eventType));
        }
        return RestResult.of(true);
    }

    /**
     * Whose token the handler gets: {@code auth_type} as given (0, the acting user, by default) for an
     * administrator; for anyone else their own id, and an offline event or another user's id is refused.
     */
    private static String boundAuthType(RestCall call, String eventType) {
        String requested = call.string("auth_type");
        if (call.byAdmin()) {
            return requested == null ? "0" : requested;
        }
        if (eventType.equals("offline")) {
            throw new RestError(403, "ACCESS_DENIED",
                    "Access denied! Offline events binding requires administrator access rights");
        }
        if (requested != null && !requested.equals(call.userId())) {
            throw new RestError(403, "ACCESS_DENIED",
                    "Access denied! Event binding with AUTH_TYPE requires administrator access rights");
        }
        return call.userId();
    }

    private static RestResult unbindEvent(RestCall call) {
        String event = call.requiredString("event").toUpperCase(Locale.ROOT);
        String handler = call.string("handler");
        var events = call.portal().records().events;
        int before = events.size();
        events.removeIf(b -> b.event().equals(event) && (handler == null || b.handler().equals(handler)));
        return RestResult.of(Map.of("count", before - events.size()));
    }

    private static RestResult boundEvents(RestCall call) {
        List<Map<String, Object>> bound = call.portal().records().events.stream()
                .map(b -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("event", b.event());
                    row.put("handler", b.handler());
                    row.put("auth_type", b.authType());
                    row.put("offline", b.eventType().equals("offline") ? 1 : 0);
                    return row;
                })
                .toList();
        return RestResult.of(bound);
    }

    private static RestResult bindPlacement(RestCall call) {
        call.requireAdmin("ACCESS_DENIED", "Access denied!");
        String placement = call.requiredString("PLACEMENT").toUpperCase(Locale.ROOT);
        String handler = call.requiredString("HANDLER");
        if (!PLACEMENTS.contains(placement)) {
            throw new RestError(400, "ERROR_PLACEMENT_NOT_FOUND", "Placement not found");
        }
        if (!handler.startsWith("http://") && !handler.startsWith("https://")) {
            throw new RestError(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
        }
        var placements = call.portal().records().placements;
        synchronized (placements) {
            if (placements.stream().anyMatch(p -> p.placement().equals(placement) && p.handler().equals(handler))) {
                throw new RestError(400, "ERROR_CORE", "Unable to set placement handler: Handler already binded");
            }
            placements.add(new PortalRecords.PlacementBinding(placement, handler, call.string("TITLE"),
                    call.string("DESCRIPTION"), call.map("OPTIONS")));
        }
        return RestResult.of(true);
    }

    private static RestResult unbindPlacement(RestCall call) {
        call.requireAdmin("ACCESS_DENIED", "Access denied!");
        String placement = call.string("PLACEMENT");
        String handler = call.string("HANDLER");
        var placements = call.portal().records().placements;
        int before = placements.size();
        placements.removeIf(p -> (placement == null || p.placement().equalsIgnoreCase(placement))
                && (handler == null || p.handler().equals(handler)));
        return RestResult.of(Map.of("count", before - placements.size()));
    }

    private static RestResult boundPlacements(RestCall call) {
        List<Map<String, Object>> bound = call.portal().records().placements.stream()
                .map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("placement", p.placement());
                    row.put("userId", 0);
                    row.put("handler", p.handler());
                    row.put("options", p.options().isEmpty() ? List.of() : p.options());
                    row.put("title", p.title());
                    row.put("description", p.description());
                    return row;
                })
                .toList();
        return RestResult.of(bound);
    }
}
