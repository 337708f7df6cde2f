package ru.unitecon.simulator;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/** A REST {@code order} object, {@code {"FIELD": "ASC"|"DESC", ...}}, as a comparator of records. */
final class RecordOrder {
    private RecordOrder() {
    }

    /** Null when no order is asked for. */
    static Comparator<Map<String, Object>> of(Map<String, Object> order, ZoneId zone) {
        Comparator<Map<String, Object>> result = null;
        for (var entry : order.entrySet()) {
            String field = entry.getKey().toUpperCase(Locale.ROOT);
            Comparator<Map<String, Object>> byField = Comparator.comparing(r -> r.get(field), FieldValues.comparator(zone));
            if ("DESC".equalsIgnoreCase(String.valueOf(entry.getValue()))) {
                byField = byField.reversed();
            }
            result = result == null ? byField : result.thenComparing(byField);
        }
        return result;
    }

    static boolean isIdAscending(Map<String, Object> order) {
        return order.isEmpty() || (order.size() == 1 && order.keySet().iterator().next().equalsIgnoreCase("ID")
                && !"DESC".equalsIgnoreCase(String.valueOf(order.values().iterator().next())));
    }
}
