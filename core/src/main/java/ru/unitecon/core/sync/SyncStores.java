package ru.unitecon.core.sync;

import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.store.LedgerRebuild;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SyncStateStore;

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
}
