package ru.unitecon.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portal's activities as {@code crm.activity.list} answers them (api-reference/crm/timeline/activities/
 * activity-base/crm-activity-list.md): filter, order (START_TIME ascending by default), select, 50 a page and
 * {@code next}. Only the fields the app reads and their neighbours are kept: ids, owner, type, times, responsible;
 * no subject or communications. A seeded lead gets one call {@link #seedDelayMinutes minutes} after its creation
 * unless its id is a multiple of 4, so that response speed has answered, slow and unanswered leads to count.
 */
public final class Activities {
    /** OWNER_TYPE_ID of a lead. */
    public static final int LEAD = 1;
    private static final int CALL = 2;

    private final ZoneId zone;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    Activities(ZoneId zone, List<Map<String, Object>> seededLeads) {
        this.zone = zone;
        for (Map<String, Object> lead : seededLeads) {
            long id = Long.parseLong(String.valueOf(lead.get("ID")));
            if (id % 4 != 0) {
                Instant created = OffsetDateTime.parse(String.valueOf(lead.get("DATE_CREATE"))).toInstant();
                add(LEAD, id, created.plus(Duration.ofMinutes(seedDelayMinutes(id))),
                        Long.parseLong(String.valueOf(lead.getOrDefault("ASSIGNED_BY_ID", "1"))));
            }
        }
    }

    /** Minutes from a seeded lead's creation to its call: 1 to 40, spread by id. */
    public static long seedDelayMinutes(long leadId) {
        return leadId * 7 % 40 + 1;
    }

    /** Adds a completed outgoing call on a record, created at {@code at}; answers its ID. */
    public synchronized long add(int ownerTypeId, long ownerId, Instant at, long responsibleId) {
        Map<String, Object> entry = new LinkedHashMap<>();
        long id = entries.size() + 1;
        String time = FieldValues.dateTime(at, zone);
        entry.put("ID", String.valueOf(id));
        entry.put("OWNER_ID", String.valueOf(ownerId));
        entry.put("OWNER_TYPE_ID", String.valueOf(ownerTypeId));
        entry.put("TYPE_ID", String.valueOf(CALL));
        entry.put("PROVIDER_ID", "VOXIMPLANT_CALL");
        entry.put("PROVIDER_TYPE_ID", "CALL");
        entry.put("CREATED", time);
        entry.put("LAST_UPDATED", time);
        entry.put("START_TIME", time);
        entry.put("END_TIME", time);
        entry.put("COMPLETED", "Y");
        entry.put("DIRECTION", "2");
        entry.put("RESPONSIBLE_ID", String.valueOf(responsibleId));
        entry.put("AUTHOR_ID", String.valueOf(responsibleId));
        entries.add(entry);
        return id;
    }

    /** Every activity, as stored. */
    public synchronized List<Map<String, Object>> all() {
        return List.copyOf(entries);
    }

    synchronized ListPage list(Map<String, Object> filter, Map<String, Object> order, List<?> select, int start) {
        Comparator<Map<String, Object>> ordering = order.isEmpty()
                ? RecordOrder.of(Map.of("START_TIME", "ASC"), zone) : RecordOrder.of(order, zone);
        List<Map<String, Object>> matching = entries.stream().filter(RecordFilter.of(filter, zone))
                .sorted(ordering).toList();
        List<String> fields = select.stream().map(f -> String.valueOf(f).toUpperCase(Locale.ROOT))
                .filter(f -> !f.equals("*")).toList();
        return ListPage.of(matching, start, entry -> fields.isEmpty() ? entry : selected(entry, fields));
    }

    private static Map<String, Object> selected(Map<String, Object> entry, List<String> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        fields.forEach(field -> row.put(field, entry.get(field)));
        return row;
    }
}
