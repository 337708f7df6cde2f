package ru.unitecon.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code crm.stagehistory.list} answers for one entity type (bitrix24.md §7.2): an entry when a record is
 * created (TYPE_ID 1) and one for each later stage move (2 intermediate, 3 final, 5 pipeline change).
 */
final class StageHistory {
    private static final int CREATED = 1;
    private static final int INTERMEDIATE = 2;
    private static final int FINAL = 3;
    private static final int PIPELINE_CHANGE = 5;

    private final CrmEntityType type;
    private final ZoneId zone;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    StageHistory(CrmEntityType type, ZoneId zone) {
        this.type = type;
        this.zone = zone;
    }

    /**
     * A record appears in its pipeline's first stage at DATE_CREATE; one that is already further along
     * (seeded data) is moved there at MOVED_TIME, or DATE_MODIFY when that is not known.
     */
    synchronized void created(Map<String, Object> record) {
        String initial = type.initialStage(record.get("CATEGORY_ID"));
        entries.add(entry(CREATED, record, initial, "P", record.get("DATE_CREATE")));
        if (!initial.equals(record.get(type.stageField()))) {
            Object movedAt = record.get("MOVED_TIME") == null ? record.get("DATE_MODIFY") : record.get("MOVED_TIME");
            moved(record, false, movedAt);
        }
    }

    synchronized void moved(Map<String, Object> record, boolean pipelineChanged, Object at) {
        String semantic = String.valueOf(record.get(type.semanticField()));
        int kind = pipelineChanged ? PIPELINE_CHANGE : semantic.equals("P") ? INTERMEDIATE : FINAL;
        entries.add(entry(kind, record, String.valueOf(record.get(type.stageField())), semantic, at));
    }

    synchronized ListPage list(Map<String, Object> filter, Map<String, Object> order, List<?> select, int start) {
        var matching = entries.stream().filter(RecordFilter.of(filter, zone));
        if (!order.isEmpty()) {
            matching = matching.sorted(RecordOrder.of(order, zone));
        }
        List<String> fields = select.stream().map(f -> String.valueOf(f).toUpperCase(Locale.ROOT)).toList();
        return ListPage.of(matching.toList(), start, entry -> fields.isEmpty() ? entry : selected(entry, fields));
    }

    private Map<String, Object> entry(int kind, Map<String, Object> record, String stage, String semantic, Object at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ID", entries.size() + 1);
        entry.put("TYPE_ID", kind);
        entry.put("OWNER_ID", Long.parseLong(String.valueOf(record.get("ID"))));
        entry.put("CREATED_TIME", at);
        if (type == CrmEntityType.DEAL) {
            entry.put("CATEGORY_ID", Integer.parseInt(String.valueOf(record.getOrDefault("CATEGORY_ID", "0"))));
        }
        entry.put(type.stageField(), stage);
        entry.put(type.semanticField(), semantic);
        return entry;
    }

    private static Map<String, Object> selected(Map<String, Object> entry, List<String> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        fields.forEach(field -> row.put(field, entry.get(field)));
        return row;
    }
}
