package ru.unitecon.core.store;

import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.PortalSettings;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead or deal as the portal served it, with when it did by the portal's own clock (null when unknown): of two
 * snapshots with the same DATE_MODIFY, the one served later is the newer.
 */
public sealed interface RecordSnapshot {
    long id();

    Instant servedAt();

    static RecordSnapshot of(LeadSnapshot snapshot, Instant servedAt) {
        return new Lead(snapshot, servedAt);
    }

    static RecordSnapshot of(DealSnapshot snapshot, Instant servedAt) {
        return new Deal(snapshot, servedAt);
    }

    record Lead(LeadSnapshot snapshot, Instant servedAt) implements RecordSnapshot {
        public Lead {
            Objects.requireNonNull(snapshot, "snapshot");
        }

        @Override
        public long id() {
            return snapshot.id();
        }
    }

    record Deal(DealSnapshot snapshot, Instant servedAt) implements RecordSnapshot {
        public Deal {
            Objects.requireNonNull(snapshot, "snapshot");
        }

        @Override
        public long id() {
            return snapshot.id();
        }
    }

    /** The stored record's sort key. */
    default String sortKey() {
        return switch (this) {
            case Lead lead -> Keys.lead(lead.id());
            case Deal deal -> Keys.deal(deal.id());
        };
    }

    /**
     * The record this snapshot makes of the stored one, which carries forward the appointment's history, the
     * amount's conversion and when a deal was first seen won.
     */
    default CrmRecord recordAfter(CrmRecord previous, PortalSettings settings) {
        return switch (this) {
            case Lead lead -> LeadRecord.from(lead.snapshot(), (LeadRecord) previous, settings);
            case Deal deal -> DealRecord.from(deal.snapshot(), (DealRecord) previous, settings);
        };
    }
}
