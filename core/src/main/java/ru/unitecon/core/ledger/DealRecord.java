package ru.unitecon.core.ledger;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.Semantic;

import java.math.BigDecimal;
import java.time.Instant;

/** A deal as stored; see {@link LeadRecord}. Its channel is the deal's own source, used as one of the client's touches. */
public record DealRecord(long id, Instant created, Instant modified, LeadSource source, Semantic stage,
                         Long contactId, Long leadId, BigDecimal amount, Instant closedAt, Long responsibleId,
                         String channel, Appointment appointment, boolean deleted) implements CrmRecord {

    public static DealRecord from(DealSnapshot snapshot, DealRecord previous, ChannelRules rules) {
        Appointment appointment = Appointments.follow(
                previous == null ? null : previous.appointment(), snapshot.appointment(), snapshot.modified());
        return new DealRecord(snapshot.id(), snapshot.created(), snapshot.modified(), snapshot.source(),
                snapshot.stage(), snapshot.contactId(), snapshot.leadId(), snapshot.amount(), snapshot.wonAt(),
                snapshot.responsibleId(), rules.classify(snapshot.source()), appointment, false);
    }

    /** This deal counted under another channel, as when the portal's channel rules change. */
    public DealRecord withChannel(String newChannel) {
        return new DealRecord(id, created, modified, source, stage, contactId, leadId, amount, closedAt, responsibleId,
                newChannel, appointment, deleted);
    }

    /** The tombstone a delete at {@code at} leaves in place of this deal. */
    public DealRecord deletedAt(Instant at) {
        Instant last = at.isAfter(modified) ? at : modified;
        return new DealRecord(id, created, last, source, stage, null, null, BigDecimal.ZERO, null, null, channel,
                null, true);
    }

    /** The tombstone of a deal deleted before the app ever saw it. */
    public static DealRecord tombstone(long id, Instant at) {
        return new DealRecord(id, at, at, LeadSource.NONE, Semantic.IN_PROGRESS, null, null, BigDecimal.ZERO, null,
                null, null, null, true);
    }

    public boolean isWon() {
        return stage == Semantic.SUCCESS;
    }

    @Override
    public String memberId() {
        return "D" + id;
    }

    /** The contact when known; else the lead it was converted from, so it joins that lead's client; else itself. */
    @Override
    public String clientKey() {
        if (deleted) {
            return null;
        }
        if (contactId != null) {
            return "C" + contactId;
        }
        return leadId != null ? "L" + leadId : memberId();
    }
}
