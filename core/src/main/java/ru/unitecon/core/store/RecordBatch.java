package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.RecordEffect;
import ru.unitecon.core.portal.PortalSettings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RecordStore#applyAll}: the net change of each record (what is stored, and what its newest snapshots make
 * of it) is computed in memory, and whole changes are packed into transactions of at most
 * {@value RecordStore#MAX_TRANSACTION_ITEMS} items. Every record and client write is conditional on the version
 * read, so a transaction either holds exactly the changes computed or is refused as a whole; after a refusal the
 * rest is applied one snapshot at a time, rereading as a single apply does.
 */
final class RecordBatch {
    private final RecordStore store;
    private final String memberId;
    private final PortalSettings settings;
    private final Bookkeeping bookkeeping;
    private final Map<String, ClientState> clients = new HashMap<>();
    private final Map<String, Long> clientVersions = new HashMap<>();

    RecordBatch(RecordStore store, String memberId, PortalSettings settings) {
        this.store = store;
        this.memberId = memberId;
        this.settings = settings;
        this.bookkeeping = new Bookkeeping(settings);
    }

    /** One record's way through the batch. */
    private static final class Change {
        final Map<String, AttributeValue> storedItem;
        final CrmRecord before;
        CrmRecord after;
        Instant servedAt;
        final List<Integer> accepted = new ArrayList<>();

        Change(Map<String, AttributeValue> storedItem) {
            this.storedItem = storedItem;
            this.before = storedItem == null ? null : RecordStore.decode(storedItem);
            this.after = before;
            this.servedAt = storedItem == null ? null : Attributes.instant(storedItem, RecordStore.SERVED_AT);
        }

        Set<String> clientKeys() {
            return RecordEffect.clientKeys(before, after);
        }
    }

    /** Changes that go into one transaction, with their clients' final states and their summed differences. */
    private static final class Group {
        final List<Change> changes = new ArrayList<>();
        final Map<String, ClientState> clientsAfter = new LinkedHashMap<>();
        final Contribution delta = new Contribution();
        final Set<String> items = new HashSet<>();

        boolean fits(Change change, RecordEffect update) {
            Set<String> more = new HashSet<>(items);
            more.addAll(itemsOf(change, update));
            return more.size() <= RecordStore.MAX_TRANSACTION_ITEMS;
        }

        void add(Change change, RecordEffect update) {
            changes.add(change);
            clientsAfter.putAll(update.clientsAfter());
            delta.add(update.aggregateDelta());
            items.addAll(itemsOf(change, update));
        }

        /** The keys a change writes: its record, its clients, each monthly, cohort or campaign item of its difference. */
        static Set<String> itemsOf(Change change, RecordEffect update) {
            Set<String> keys = new HashSet<>();
            keys.add(change.after.memberId());
            update.clientsAfter().keySet().forEach(key -> keys.add(Keys.client(key)));
            update.aggregateDelta().cells().forEach((cell, counters) -> {
                if (!counters.monthlyPart().isZero()) {
                    keys.add(Keys.aggregate(cell));
                }
                if (!counters.cohortPart().isZero()) {
                    keys.add(Keys.cohort(cell));
                }
            });
            update.aggregateDelta().campaignCells().keySet().forEach(cell -> keys.add(Keys.campaignAggregate(cell)));
            return keys;
        }
    }

    List<ApplyOutcome> apply(List<RecordSnapshot> snapshots) {
        ApplyOutcome[] outcomes = new ApplyOutcome[snapshots.size()];
        Map<String, Map<String, AttributeValue>> stored = store.records().items(memberId,
                snapshots.stream().map(RecordSnapshot::sortKey).toList());
        Map<String, Change> byKey = new LinkedHashMap<>();
        for (int i = 0; i < snapshots.size(); i++) {
            RecordSnapshot snapshot = snapshots.get(i);
            Change change = byKey.computeIfAbsent(snapshot.sortKey(), key -> new Change(stored.get(key)));
            CrmRecord next = RecordStore.newer(change.after, change.servedAt,
                    snapshot.recordAfter(change.after, settings), snapshot.servedAt());
            if (next == null) {
                outcomes[i] = change.after != null && change.after.deleted()
                        ? ApplyOutcome.ALREADY_DELETED : ApplyOutcome.STALE;
            } else {
                change.after = next;
                change.servedAt = snapshot.servedAt();
                change.accepted.add(i);
            }
        }
        List<Change> changes = byKey.values().stream().filter(change -> !change.accepted.isEmpty()).toList();
        Set<String> keys = new HashSet<>();
        changes.forEach(change -> keys.addAll(change.clientKeys()));
        store.readClients(memberId, keys, clients, clientVersions);

        Group group = new Group();
        for (int c = 0; c < changes.size(); c++) {
            Change change = changes.get(c);
            RecordEffect update = update(change);
            boolean oversized = Group.itemsOf(change, update).size() > RecordStore.MAX_TRANSACTION_ITEMS;
            if (oversized || !group.fits(change, update)) {
                if (!commit(group)) {
                    oneByOne(changes.subList(c - group.changes.size(), changes.size()), snapshots, outcomes);
                    return finished(changes, outcomes);
                }
                group = new Group();
            }
            if (oversized) {
                // Too big for any transaction: the single apply marks the portal for a recount.
                oneByOne(List.of(change), snapshots, outcomes);
                store.readClients(memberId, keys, clients, clientVersions);
                continue;
            }
            group.add(change, update);
            clients.putAll(update.clientsAfter());
        }
        if (!commit(group)) {
            oneByOne(group.changes, snapshots, outcomes);
        }
        return finished(changes, outcomes);
    }

    /** Snapshots of changes written in a group transaction were applied; the others have their outcome. */
    private static List<ApplyOutcome> finished(List<Change> changes, ApplyOutcome[] outcomes) {
        for (Change change : changes) {
            change.accepted.forEach(i -> {
                if (outcomes[i] == null) {
                    outcomes[i] = ApplyOutcome.APPLIED;
                }
            });
        }
        return List.of(outcomes);
    }

    /** The change against the clients as the changes before it in this batch left them. */
    private RecordEffect update(Change change) {
        Map<String, ClientState> involved = new HashMap<>();
        change.clientKeys().forEach(key -> involved.put(key, clients.get(key)));
        return RecordEffect.of(bookkeeping, change.before, change.after, involved);
    }

    /** Writes a group in one transaction; false when another writer changed something it read. */
    private boolean commit(Group group) {
        if (group.changes.isEmpty()) {
            return true;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        group.changes.forEach(change -> writes.add(
                store.recordWrite(memberId, change.storedItem, change.after, change.servedAt)));
        writes.addAll(store.clientWrites(memberId, group.clientsAfter, clientVersions));
        writes.addAll(store.aggregateWrites(memberId, group.delta));
        try {
            store.dynamo().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException raced) {
            if (!RecordStore.isRetryable(raced)) {
                throw raced;
            }
            return false;
        }
        group.clientsAfter.forEach((key, client) ->
                clientVersions.put(key, client.isEmpty() ? 0L : clientVersions.get(key) + 1));
        return true;
    }

    /** Applies the accepted snapshots of these changes one at a time, each rereading what is stored. */
    private void oneByOne(List<Change> changes, List<RecordSnapshot> snapshots, ApplyOutcome[] outcomes) {
        for (Change change : changes) {
            for (int i : change.accepted) {
                outcomes[i] = store.apply(memberId, settings, snapshots.get(i));
            }
        }
    }
}
