package ru.unitecon.core.bookkeeping;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The effect of replacing one stored record by a newer one (or by its tombstone): the clients it leaves and joins,
 * and the difference it makes to the aggregates. Pure: the store reads the inputs and writes the outputs in one
 * transaction.
 */
public record RecordEffect(Map<String, ClientState> clientsAfter, Contribution aggregateDelta) {

    /** The client keys whose state the update needs: the old record's and the new record's. */
    public static Set<String> clientKeys(CrmRecord before, CrmRecord after) {
        Set<String> keys = new LinkedHashSet<>();
        if (before != null && before.clientKey() != null) {
            keys.add(before.clientKey());
        }
        if (after.clientKey() != null) {
            keys.add(after.clientKey());
        }
        return keys;
    }

    /**
     * @param clientsBefore the current state of every client in {@link #clientKeys}, empty states for new ones
     */
    public static RecordEffect of(Bookkeeping bookkeeping, CrmRecord before, CrmRecord after,
                                  Map<String, ClientState> clientsBefore) {
        Map<String, ClientState> clientsAfter = new HashMap<>(clientsBefore);
        if (before != null && before.clientKey() != null) {
            clientsAfter.computeIfPresent(before.clientKey(), (k, c) -> c.without(before.memberId()));
        }
        if (after.clientKey() != null) {
            ClientState joined = clientsAfter.getOrDefault(after.clientKey(), ClientState.empty(after.clientKey()));
            clientsAfter.put(after.clientKey(), joined.with(after.memberId(), bookkeeping.memberOf(after)));
        }

        Contribution delta = new Contribution();
        if (after instanceof LeadRecord lead) {
            delta.add(bookkeeping.contributionOf(lead));
            delta.subtract(bookkeeping.contributionOf((LeadRecord) before));
        }
        clientsAfter.forEach((key, client) -> {
            delta.add(bookkeeping.contributionOf(client));
            delta.subtract(bookkeeping.contributionOf(clientsBefore.get(key)));
        });
        return new RecordEffect(Map.copyOf(clientsAfter), delta);
    }
}
