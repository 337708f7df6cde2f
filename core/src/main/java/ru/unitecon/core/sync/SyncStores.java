package ru.unitecon.core.sync;

import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.store.LedgerRebuild;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SyncStateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Objects;

/** The parts of the table the sync and the reconciliation work with. */
public record SyncStores(PortalStore portals, SettingsStore settings, LedgerStore ledger, LedgerRebuild rebuild,
                         SyncStateStore state, BackfillStore backfills) {
    public SyncStores {
        Objects.requireNonNull(portals, "portals");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(rebuild, "rebuild");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(backfills, "backfills");
    }

    public static SyncStores of(DynamoDbClient dynamo, String table, Clock clock) {
        return new SyncStores(new PortalStore(dynamo, table), new SettingsStore(dynamo, table),
                new LedgerStore(dynamo, table, clock), new LedgerRebuild(dynamo, table, clock),
                new SyncStateStore(dynamo, table), new BackfillStore(dynamo, table));
    }
}
