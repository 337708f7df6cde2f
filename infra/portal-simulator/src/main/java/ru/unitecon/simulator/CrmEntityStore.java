package ru.unitecon.simulator;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A portal's leads or deals, kept in REST wire format. Tests change them through
 * {@link #add}, {@link #update} and {@link #delete}; the REST methods read them.
 */
public final class CrmEntityStore {
    /** Multi-fields are left out of {@code select=*} and must be named (bitrix24.md §3.2). */
    private static final Set<String> MULTI_FIELDS = Set.of("PHONE", "EMAIL", "WEB", "IM");

    private final CrmEntityType type;
    private final InstantSource clock;
    private final ZoneId zone;
    private final UserFieldRegistry userFields;
    private final NavigableMap<Long, Map<String, Object>> records = new TreeMap<>();

    CrmEntityStore(CrmEntityType type, InstantSource clock, ZoneId zone, UserFieldRegistry userFields) {
        this.type = type;
        this.clock = clock;
        this.zone = zone;
        this.userFields = userFields;
    }

    public CrmEntityType type() {
        return type;
    }

    /** Adds a record; ID, DATE_CREATE and DATE_MODIFY are filled in unless given. Returns the ID. */
    public synchronized long add(Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        long id = fields.containsKey("ID")
                ? Long.parseLong(String.valueOf(fields.get("ID")))
                : (records.isEmpty() ? 1 : records.lastKey() + 1);
        if (records.containsKey(id)) {
            throw new IllegalArgumentException(type.word() + " " + id + " already exists");
        }
        String now = FieldValues.dateTime(clock.instant(), zone);
        record.put("DATE_CREATE", now);
        record.put("DATE_MODIFY", now);
        fields.forEach((name, value) -> record.put(name, FieldValues.wireValue(value)));
        record.put("ID", String.valueOf(id));
        checkUserFields(fields);
        records.put(id, record);
        return id;
    }

    /** Changes fields of an existing record and moves DATE_MODIFY to now, as any edit on a portal does. */
    public synchronized void update(long id, Map<String, Object> fields) {
        Map<String, Object> record = existing(id);
        checkUserFields(fields);
        fields.forEach((name, value) -> record.put(name, FieldValues.wireValue(value)));
        record.put("ID", String.valueOf(id));
        record.put("DATE_MODIFY", FieldValues.dateTime(clock.instant(), zone));
    }

    public synchronized void delete(long id) {
        existing(id);
        records.remove(id);
    }

    /** The record as {@code crm.*.get} returns it. */
    public synchronized Optional<Map<String, Object>> get(long id) {
        Map<String, Object> record = records.get(id);
        return Optional.ofNullable(record == null ? null : full(record));
    }

    public synchronized int size() {
        return records.size();
    }

    public synchronized List<Map<String, Object>> all() {
        return records.values().stream().map(this::full).toList();
    }

    synchronized ListPage list(Map<String, Object> filter, Map<String, Object> order, List<?> select, int start) {
        Selection selection = new Selection(select);
        var matching = records.tailMap(RecordFilter.lowestId(filter), true).values().stream()
                .filter(RecordFilter.of(filter, zone));
        Comparator<Map<String, Object>> ordering = ordering(order);
        if (ordering != null) {
            matching = matching.sorted(ordering);
        }
        if (start < 0) {
            // start=-1 means "do not count": an ID-ordered scan stops after one page.
            return new ListPage(matching.limit(ListPage.SIZE).map(selection::apply).toList(), null, null);
        }
        return ListPage.of(matching.toList(), start, selection::apply);
    }

    synchronized boolean exists(long id) {
        return records.containsKey(id);
    }

    /** Null when the order is the natural ID ascending one, so the scan can stop early. */
    private Comparator<Map<String, Object>> ordering(Map<String, Object> order) {
        if (order == null || order.isEmpty()) {
            return null;
        }
        Comparator<Map<String, Object>> result = null;
        for (var entry : order.entrySet()) {
            String field = entry.getKey().toUpperCase(Locale.ROOT);
            Comparator<Map<String, Object>> byField = Comparator.comparing(r -> r.get(field), FieldValues.comparator(zone));
            if ("DESC".equalsIgnoreCase(String.valueOf(entry.getValue()))) {
                byField = byField.reversed();
            }
            result = result == null ? byField : result.thenComparing(byField);
        }
        if (order.size() == 1 && order.keySet().iterator().next().equalsIgnoreCase("ID")
                && !"DESC".equalsIgnoreCase(String.valueOf(order.values().iterator().next()))) {
            return null;
        }
        return result.thenComparing(r -> Long.parseLong((String) r.get("ID")));
    }

    private Map<String, Object> full(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        for (UserField field : userFields.fields(type)) {
            copy.putIfAbsent(field.fieldName(), null);
        }
        return copy;
    }

    private void checkUserFields(Map<String, Object> fields) {
        for (String name : fields.keySet()) {
            if (name.startsWith("UF_") && userFields.find(type, name).isEmpty()) {
                throw new IllegalArgumentException(name + " is not a user field of " + type.word()
                        + "s; create it with crm." + type.word() + ".userfield.add first");
            }
        }
    }

    private Map<String, Object> existing(long id) {
        Map<String, Object> record = records.get(id);
        if (record == null) {
            throw new IllegalArgumentException("no " + type.word() + " " + id);
        }
        return record;
    }

    /** The {@code select} of a list call: {@code *}, {@code UF_*}, named fields; ID is always sent. */
    private final class Selection {
        private final boolean standard;
        private final boolean custom;
        private final List<String> named = new ArrayList<>();

        Selection(List<?> select) {
            boolean any = select == null || select.isEmpty();
            boolean star = any;
            boolean ufStar = false;
            for (Object item : select == null ? List.of() : select) {
                String name = String.valueOf(item).toUpperCase(Locale.ROOT);
                switch (name) {
                    case "*" -> star = true;
                    case "UF_*" -> ufStar = true;
                    default -> named.add(name);
                }
            }
            this.standard = star;
            this.custom = ufStar;
        }

        Map<String, Object> apply(Map<String, Object> record) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", record.get("ID"));
            Map<String, Object> full = full(record);
            full.forEach((name, value) -> {
                boolean userField = name.startsWith("UF_");
                if ((standard && !userField && !MULTI_FIELDS.contains(name)) || (custom && userField)) {
                    row.put(name, value);
                }
            });
            for (String name : named) {
                row.put(name, full.get(name));
            }
            return row;
        }
    }
}
