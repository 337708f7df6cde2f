package ru.unitecon.simulator;

import java.util.List;
import java.util.Map;

/** One method invocation on a portal: its parameters (names matched ignoring case) and the token's user. */
record RestCall(SimulatedPortal portal, String method, Map<String, Object> params, String userId) {

    Object param(String name) {
        for (var entry : params.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    String string(String name) {
        Object value = param(name);
        return value == null ? null : String.valueOf(value);
    }

    String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw RestError.invalidArgument("Parameter '" + name + "' is required");
        }
        return value;
    }

    long requiredLong(String name) {
        try {
            return Long.parseLong(requiredString(name));
        } catch (NumberFormatException e) {
            throw RestError.invalidArgument("Parameter '" + name + "' must be an integer");
        }
    }

    int integer(String name, int fallback) {
        String value = string(name);
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        return param(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    List<?> list(String name) {
        return switch (param(name)) {
            case List<?> list -> list;
            case Map<?, ?> map -> List.copyOf(map.values());
            case null -> List.of();
            case Object single -> List.of(single);
        };
    }

    boolean byAdmin() {
        return portal.isAdmin(userId);
    }

    /** Refuses the call, as the method's documentation says it is refused, unless the token is an administrator's. */
    void requireAdmin(String errorCode, String description) {
        if (!byAdmin()) {
            throw new RestError(403, errorCode, description);
        }
    }
}
