package ru.unitecon.core.sync;

import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings chosen records up to date from the portal right now, through the same record applier as the sync: for work that
 * must act on the portal's current state (a reminder must not go out for a visit that was moved or cancelled a
 * minute ago, even when the portal's event for that change was lost).
 */
public final class CurrentRecords {
    private final RecordStore recordStore;

    public CurrentRecords(RecordStore recordStore) {
        this.recordStore = Objects.requireNonNull(recordStore, "recordStore");
    }

    /** The portal's appointment fields as they are now (one batch request), then 50 records per batch request. */
    public void refresh(BitrixRestClient client, PortalSettings settings, Map<CrmEntity, ? extends Collection<Long>> ids,
                        Instant now) {
        var named = settings.appointmentFields();
        RecordApplier recordApplier = new RecordApplier(client.memberId(), settings, recordStore, client,
                FieldMappings.read(named, client), true, () -> FieldMappings.read(named, client));
        ids.forEach((entity, entityIds) -> {
            if (!entityIds.isEmpty()) {
                recordApplier.fetchAndApply(entity, List.copyOf(entityIds), now);
            }
        });
    }
}
