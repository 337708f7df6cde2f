package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.portal.PortalSettings;

import java.time.Instant;

/**
 * A lead as stored: the snapshot's ids, source, times and amounts plus what the app derived from it (the channel,
 * the amount in the reporting currency, the appointment with its history). A deleted lead stays as a tombstone so
 * a late snapshot cannot revive it. The first response ({@link FirstResponse}, null while none is known) is not in
 * the snapshot: it comes from the lead's activities and stage history and stays across later snapshots.
 */
public record LeadRecord(long id, Instant created, Instant modified, LeadSource source, Semantic status,
                         Long contactId, Amount amount, Long responsibleId, String channel,
                         Appointment appointment, boolean deleted, FirstResponse firstResponse)
        implements CrmRecord {

    public static LeadRecord from(LeadSnapshot snapshot, LeadRecord previous, PortalSettings settings) {
        Appointment appointment = Appointments.follow(previous == null ? null : previous.appointment(),
                snapshot.appointment(), snapshot.modified(), settings.zone());
        Amount amount = Amounts.follow(previous == null ? null : previous.amount(), snapshot.amount(),
                snapshot.currency(), settings);
        return new LeadRecord(snapshot.id(), snapshot.created(), snapshot.modified(), snapshot.source(),
                snapshot.status(), snapshot.contactId(), amount, snapshot.responsibleId(),
                settings.channelRules().classify(snapshot.source()), appointment, false,
                previous == null || previous.deleted() ? null : previous.firstResponse());
    }

    /** This lead with the earlier of its first response and {@code evidence}; itself when that changes nothing. */
    public LeadRecord answeredAt(FirstResponse evidence) {
        FirstResponse first = FirstResponse.earliest(firstResponse, evidence);
        if (deleted || first.equals(firstResponse)) {
            return this;
        }
        return new LeadRecord(id, created, modified, source, status, contactId, amount, responsibleId, channel,
                appointment, false, first);
    }

    /**
     * This lead as the given settings count it: its channel by their rules, its amount in their reporting currency
     * (converted only where it was not yet, as after the reporting currency changed). Itself when nothing changes.
     */
    public LeadRecord recounted(PortalSettings settings) {
        if (deleted) {
            return this;
        }
        String newChannel = settings.channelRules().classify(source);
        Amount newAmount = Amounts.recounted(amount, settings);
        if (newChannel.equals(channel) && newAmount.equals(amount)) {
            return this;
        }
        return new LeadRecord(id, created, modified, source, status, contactId, newAmount, responsibleId, newChannel,
                appointment, false, firstResponse);
    }

    /** The tombstone a delete at {@code at} leaves in place of this lead. */
    public LeadRecord deletedAt(Instant at) {
        Instant last = at.isAfter(modified) ? at : modified;
        return new LeadRecord(id, created, last, source, status, null, Amount.NONE, null, channel, null, true, null);
    }

    /** The tombstone of a lead deleted before the app ever saw it, so a late snapshot cannot create it. */
    public static LeadRecord tombstone(long id, Instant at) {
        return new LeadRecord(id, at, at, LeadSource.NONE, Semantic.IN_PROGRESS, null, Amount.NONE, null,
                null, null, true, null);
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
