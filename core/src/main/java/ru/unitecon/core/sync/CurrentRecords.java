package ru.unitecon.core.sync;

import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.LedgerStore;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Brings chosen records up to date from the portal right now, through the same ledger as the sync: for work that
 * must act on the portal's current state (a reminder must not go out for a visit that was moved or cancelled a
 * minute ago, even when the portal's event for that change was lost).
 */
public final class CurrentRecords {
    private final LedgerStore ledger;

    public CurrentRecords(LedgerStore ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** One batch request for the portal's appointment fields, then 50 records per batch request. */
    public void refresh(BitrixRestClient client, PortalSettings settings, Map<CrmEntity, ? extends Collection<Long>> ids,
                        Instant now) {
        PortalLedger portalLedger = PortalLedger.open(client.memberId(), settings, ledger, client);
        ids.forEach((entity, entityIds) -> {
            Map<Long, Instant> changed = new LinkedHashMap<>();
            entityIds.forEach(id -> changed.put(id, now));
            if (!changed.isEmpty()) {
                portalLedger.fetchAndApply(client, entity, changed);
            }
        });
    }
}
