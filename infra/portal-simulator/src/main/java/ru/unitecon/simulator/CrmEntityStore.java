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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

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
    private final List<Map<String, Object>> statuses;
    private final StageHistory history;
    private final NavigableMap<Long, Map<String, Object>> records = new TreeMap<>();

    CrmEntityStore(CrmEntityType type, InstantSource clock, ZoneId zone, UserFieldRegistry userFields,
                   List<Map<String, Object>> statuses) {
        this.type = type;
        this.clock = clock;
        this.zone = zone;
        this.userFields = userFields;
        this.statuses = statuses;
        this.history = new StageHistory(type, zone);
    }

    public CrmEntityType type() {
        return type;
    }

    /**
     * Adds a record; ID, DATE_CREATE, DATE_MODIFY and the stage's semantic are filled in unless given.
     * Returns the ID.
     */
    public synchronized long add(Map<String, Object> fields) {
        checkUserFields(fields);
        long id = fields.containsKey("ID")
                ? Long.parseLong(String.valueOf(fields.get("ID")))
                : (records.isEmpty() ? 1 : records.lastKey() + 1);
        if (records.containsKey(id)) {
            throw new IllegalArgumentException(type.word() + " " + id + " already exists");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ID", String.valueOf(id));
        putFields(record, fields);
        String now = FieldValues.dateTime(clock.instant(), zone);
        record.putIfAbsent("DATE_CREATE", now);
        record.putIfAbsent("DATE_MODIFY", now);
        record.putIfAbsent(type.stageField(), type.initialStage(record.get("CATEGORY_ID")));
        record.putIfAbsent(type.semanticField(), semantic(record));
        records.put(id, record);
        history.created(record);
        return id;
    }

    /**
     * Changes fields of an existing record and moves DATE_MODIFY to now, as any edit on a portal does.
     * A new stage also updates its semantic (and CLOSED of a deal) and is written to the stage history.
     */
    public synchronized void update(long id, Map<String, Object> fields) {
        checkUserFields(fields);
        Map<String, Object> record = existing(id);
        Object stageBefore = record.get(type.stageField());
        Object categoryBefore = record.get("CATEGORY_ID");
        putFields(record, fields);
        String now = FieldValues.dateTime(clock.instant(), zone);
        record.put("DATE_MODIFY", now);
        if (!Objects.equals(record.get(type.stageField()), stageBefore)) {
            if (!fields.containsKey(type.semanticField())) {
                record.put(type.semanticField(), semantic(record));
            }
            if (type == CrmEntityType.DEAL && !fields.containsKey("CLOSED")) {
                record.put("CLOSED", "P".equals(record.get(type.semanticField())) ? "N" : "Y");
            }
            record.put("MOVED_TIME", now);
            history.moved(record, !String.valueOf(record.get("CATEGORY_ID")).equals(String.valueOf(categoryBefore)), now);
        }
    }

    public synchronized void delete(long id) {
        existing(id);
        records.remove(id);
    }

    /** The record as {@code crm.*.get} returns it. */
    public synchronized Optional<Map<String, Object>> get(long id) {
        return Optional.ofNullable(records.get(id)).map(this::full);
    }

    public synchronized int size() {
        return records.size();
    }

    public synchronized List<Map<String, Object>> all() {
        return records.values().stream().map(this::full).toList();
    }

    synchronized ListPage list(Map<String, Object> filter, Map<String, Object> order, List<?> select, int start) {
        Selection selection = new Selection(select);
        // A tail map counts its size by walking it, and a stream would ask for that size: iterate instead.
        var tail = records.tailMap(RecordFilter.lowestId(filter), true).values().iterator();
        var matching = StreamSupport.stream(Spliterators.spliteratorUnknownSize(tail, Spliterator.ORDERED), false)
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

    ListPage stageHistory(Map<String, Object> filter, Map<String, Object> order, List<?> select, int start) {
        return history.list(filter, order, select, start);
    }

    synchronized boolean exists(long id) {
        return records.containsKey(id);
    }

    /** Null when the order is the natural ID ascending one, so the scan can stop early; ties go by ID. */
    private Comparator<Map<String, Object>> ordering(Map<String, Object> order) {
        if (RecordOrder.isIdAscending(order)) {
            return null;
        }
        return RecordOrder.of(order, zone).thenComparing(r -> Long.parseLong((String) r.get("ID")));
    }

    /** The ID is the store's to give, so a given one only picks the key on add. */
    private static void putFields(Map<String, Object> record, Map<String, Object> fields) {
        fields.forEach((name, value) -> {
            if (!name.equals("ID")) {
                record.put(name, FieldValues.wireValue(value));
            }
        });
    }

    private String semantic(Map<String, Object> record) {
        return type.semanticOf(String.valueOf(record.get(type.stageField())), statuses);
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
