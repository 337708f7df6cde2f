package ru.unitecon.simulator;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portal's content in REST wire format, shaped like Bitrix24's sample {@code dataset.json}:
 * {@code {"entities": {"users": [...], "categories": [...], "statuses": [...], "contacts": [...], "leads": [...], "deals": [...]}}},
 * plus {@code "currencies"} as {@code crm.currency.list} returns them (a portal in roubles when absent).
 * The first user is the portal's administrator.
 */
public record Dataset(List<Map<String, Object>> users, List<Map<String, Object>> categories,
                      List<Map<String, Object>> statuses, List<Map<String, Object>> contacts,
                      List<Map<String, Object>> leads, List<Map<String, Object>> deals,
                      List<Map<String, Object>> currencies) {
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
        currencies = List.copyOf(currencies);
        if (currencies.stream().filter(currency -> "Y".equals(currency.get("BASE"))).count() != 1) {
            throw new IllegalArgumentException("a portal has exactly one base currency");
        }
    }

    public Dataset(List<Map<String, Object>> users, List<Map<String, Object>> categories,
                   List<Map<String, Object>> statuses, List<Map<String, Object>> contacts,
                   List<Map<String, Object>> leads, List<Map<String, Object>> deals) {
        this(users, categories, statuses, contacts, leads, deals, PortalDictionaries.currencies("RUB", Map.of(), null));
    }

    /** The CURRENCY of the base currency. */
    public String baseCurrency() {
        return currencies.stream().filter(currency -> "Y".equals(currency.get("BASE")))
                .map(currency -> String.valueOf(currency.get("CURRENCY"))).findFirst().orElseThrow();
    }

    /** The same portal with another administrator's (first user's) personal time zone in {@code profile}. */
    public Dataset withAdminTimeZone(String timeZone) {
        List<Map<String, Object>> changed = new ArrayList<>(users);
        Map<String, Object> admin = new LinkedHashMap<>(users.getFirst());
        admin.put("TIME_ZONE", timeZone);
        changed.set(0, admin);
        return new Dataset(changed, categories, statuses, contacts, leads, deals, currencies);
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
        List<Map<String, Object>> currencies = (List<Map<String, Object>>) entities.get("currencies");
        Dataset dataset = new Dataset(
                (List<Map<String, Object>>) entities.getOrDefault("users", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("categories", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("statuses", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("contacts", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("leads", List.of()),
                (List<Map<String, Object>>) entities.getOrDefault("deals", List.of()));
        return currencies == null ? dataset : new Dataset(dataset.users(), dataset.categories(), dataset.statuses(),
                dataset.contacts(), dataset.leads(), dataset.deals(), currencies);
    }

    public String toJson() {
        Map<String, Object> entities = new LinkedHashMap<>();
        entities.put("users", users);
        entities.put("categories", categories);
        entities.put("statuses", statuses);
        entities.put("contacts", contacts);
        entities.put("leads", leads);
        entities.put("deals", deals);
        entities.put("currencies", currencies);
        return Json.write(Map.of("entities", entities));
    }

    public String adminUserId() {
        return String.valueOf(users.getFirst().get("ID"));
    }
}
