package ru.unitecon.core.sync;

import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SyncStateStore;

import java.util.Objects;

/** The parts of the table the sync and the reconciliation work with. */
public record SyncStores(InstallationStore portals, SettingsStore settings, RecordStore recordStore, RecordsRecount rebuild,
                         SyncStateStore state, BackfillStore backfills) {
    public SyncStores {
        Objects.requireNonNull(portals, "portals");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(recordStore, "recordStore");
        Objects.requireNonNull(rebuild, "rebuild");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(backfills, "backfills");
    }
}
