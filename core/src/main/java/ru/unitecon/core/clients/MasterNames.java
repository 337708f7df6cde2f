package ru.unitecon.core.clients;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.sync.RestClients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names of a portal's masters (its users), read live with {@code user.get} each time a view needs them: names
 * are personal data and are never stored; the aggregates keep the user ids only.
 */
public final class MasterNames {
    /** user.get answers 50 users a page. */
    private static final int PAGE = 50;

    private final RestClients clients;

    public MasterNames(RestClients clients) {
        this.clients = clients;
    }

    /**
     * The names of the given users, "NAME LAST_NAME"; a user the portal does not return (dismissed and filtered out,
     * or deleted) is left out.
     *
     * @throws ru.unitecon.core.bitrix.BitrixException when the portal cannot be asked
     */
    public Map<Long, String> of(String memberId, Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(userIds));
        if (ids.isEmpty()) {
            return names;
        }
        BitrixRestClient client = clients.forPortal(memberId);
        for (int start = 0; start < ids.size(); start += PAGE) {
            List<Long> page = ids.subList(start, Math.min(start + PAGE, ids.size()));
            JsonNode users = client.call("user.get", Map.of("FILTER", Map.of("@ID", page)));
            for (JsonNode user : users) {
                String name = (user.path("NAME").asText("") + " " + user.path("LAST_NAME").asText("")).strip();
                if (!name.isEmpty()) {
                    names.put(user.path("ID").asLong(), name);
                }
            }
        }
        return names;
    }
}
