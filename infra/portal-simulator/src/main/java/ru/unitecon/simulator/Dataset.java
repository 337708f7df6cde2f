package ru.unitecon.simulator;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portal's content in REST wire format, shaped like Bitrix24's sample {@code dataset.json}:
 * {@code {"entities": {"users": [...], "categories": [...], "statuses": [...], "contacts": [...], "leads": [...], "deals": [...]}}}.
 * The first user is the portal's administrator.
 */
public record Dataset(List<Map<String, Object>> users, List<Map<String, Object>> categories,
                      List<Map<String, Object>> statuses, List<Map<String, Object>> contacts,
                      List<Map<String, Object>> leads, List<Map<String, Object>> deals) {
    private static final String SAMPLE = "/sample-dataset.json";

    public Dataset {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a portal needs at least one user, its administrator");
        }
        users = List.copyOf(users);
        categories = List.copyOf(categories);
        statuses = List.copyOf(statuses);
        contacts = List.copyOf(contacts);
        leads = List.copyOf(leads);
        deals = List.copyOf(deals);
    }

    /** The sample portal from Bitrix24's documentation (25 leads, 60 deals, 3 pipelines), trimmed to these entities. */
    public static Dataset bundledSample() {
        InputStream in = Dataset.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException(SAMPLE + " is missing from the classpath");
        }
        return fromJson(in);
    }

    @SuppressWarnings("unchecked")
    public static Dataset fromJson(InputStream json) {
        Map<String, Object> entities = (Map<String, Object>) Json.readObject(json).get("entities");
        return new Dataset(
                (List<Map<String, Object>>) entities.getOrDefault("users", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("categories", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("statuses", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("contacts", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("leads", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("deals", List.of()));
    }

    public String toJson() {
        Map<String, Object> entities = new LinkedHashMap<>();
        entities.put("users", users);
        entities.put("categories", categories);
        entities.put("statuses", statuses);
        entities.put("contacts", contacts);
        entities.put("leads", leads);
        entities.put("deals", deals);
        return Json.write(Map.of("entities", entities));
    }

    public String adminUserId() {
        return String.valueOf(users.getFirst().get("ID"));
    }
}
