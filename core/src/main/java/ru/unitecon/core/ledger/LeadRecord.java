package ru.unitecon.core.ledger;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lead as stored: the snapshot's ids, source, times and amounts plus what the app derived from it (the channel,
 * the appointment with its history). A deleted lead stays as a tombstone so a late snapshot cannot revive it.
 */
public record LeadRecord(long id, Instant created, Instant modified, LeadSource source, Semantic status,
                         Long contactId, BigDecimal amount, Long responsibleId, String channel,
                         Appointment appointment, boolean deleted) implements CrmRecord {

    public static LeadRecord from(LeadSnapshot snapshot, LeadRecord previous, ChannelRules rules) {
        Appointment appointment = Appointments.follow(
                previous == null ? null : previous.appointment(), snapshot.appointment(), snapshot.modified());
        return new LeadRecord(snapshot.id(), snapshot.created(), snapshot.modified(), snapshot.source(),
                snapshot.status(), snapshot.contactId(), snapshot.amount(), snapshot.responsibleId(),
                rules.classify(snapshot.source()), appointment, false);
    }

    /** This lead counted under another channel, as when the portal's channel rules change. */
    public LeadRecord withChannel(String newChannel) {
        return new LeadRecord(id, created, modified, source, status, contactId, amount, responsibleId, newChannel,
                appointment, deleted);
    }

    /** The tombstone a delete at {@code at} leaves in place of this lead. */
    public LeadRecord deletedAt(Instant at) {
        Instant last = at.isAfter(modified) ? at : modified;
        return new LeadRecord(id, created, last, source, status, null, BigDecimal.ZERO, null, channel, null, true);
    }

    /** The tombstone of a lead deleted before the app ever saw it, so a late snapshot cannot create it. */
    public static LeadRecord tombstone(long id, Instant at) {
        return new LeadRecord(id, at, at, LeadSource.NONE, Semantic.IN_PROGRESS, null, BigDecimal.ZERO, null,
                null, null, true);
    }

    @Override
    public String memberId() {
        return "L" + id;
    }

    @Override
    public String clientKey() {
        if (deleted) {
            return null;
        }
        return contactId != null ? "C" + contactId : memberId();
    }
}
