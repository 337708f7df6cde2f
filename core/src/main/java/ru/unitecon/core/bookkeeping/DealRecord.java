package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.portal.PortalSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A deal as stored; see {@link LeadRecord}. Its channel is the deal's own source, used as one of the client's touches.
 *
 * @param closeDate CLOSEDATE of a closed deal, a calendar date as the portal wrote it, or null
 * @param wonAt     when the app first saw the deal won (the MOVED_TIME of that snapshot, else its DATE_MODIFY),
 *                  kept while it stays won so later edits cannot move the order; null unless won
 */
public record DealRecord(long id, Instant created, Instant modified, LeadSource source, Semantic stage,
                         Long contactId, Long leadId, Amount amount, LocalDate closeDate, Instant wonAt,
                         Long responsibleId, String channel, Appointment appointment, boolean deleted)
        implements CrmRecord {

    public static DealRecord from(DealSnapshot snapshot, DealRecord previous, PortalSettings settings) {
        Appointment appointment = Appointments.follow(previous == null ? null : previous.appointment(),
                snapshot.appointment(), snapshot.modified(), settings.zone());
        Amount amount = Amounts.follow(previous == null ? null : previous.amount(), snapshot.amount(),
                snapshot.currency(), settings);
        return new DealRecord(snapshot.id(), snapshot.created(), snapshot.modified(), snapshot.source(),
                snapshot.stage(), snapshot.contactId(), snapshot.leadId(), amount, snapshot.closeDate(),
                wonAt(snapshot, previous), snapshot.responsibleId(),
                settings.channelRules().classify(snapshot.source()), appointment, false);
    }

    private static Instant wonAt(DealSnapshot snapshot, DealRecord previous) {
        if (!snapshot.isWon()) {
            return null;
        }
        if (previous != null && previous.isWon() && previous.wonAt() != null) {
            return previous.wonAt();
        }
        return snapshot.movedAt() != null ? snapshot.movedAt() : snapshot.modified();
    }

    /** As {@link LeadRecord#recounted}: channel and amount as the given settings count them. */
    public DealRecord recounted(PortalSettings settings) {
        if (deleted) {
            return this;
        }
        String newChannel = settings.channelRules().classify(source);
        Amount newAmount = Amounts.recounted(amount, settings);
        if (newChannel.equals(channel) && newAmount.equals(amount)) {
            return this;
        }
        return new DealRecord(id, created, modified, source, stage, contactId, leadId, newAmount, closeDate, wonAt,
                responsibleId, newChannel, appointment, false);
    }

    /** The tombstone a delete at {@code at} leaves in place of this deal. */
    public DealRecord deletedAt(Instant at) {
        Instant last = at.isAfter(modified) ? at : modified;
        return new DealRecord(id, created, last, source, stage, null, null, Amount.NONE, null, null, null, channel,
                null, true);
    }

    /** The tombstone of a deal deleted before the app ever saw it. */
    public static DealRecord tombstone(long id, Instant at) {
        return new DealRecord(id, at, at, LeadSource.NONE, Semantic.IN_PROGRESS, null, null, Amount.NONE, null,
                null, null, null, null, true);
    }

    public boolean isWon() {
        return stage == Semantic.SUCCESS;
    }

    /**
     * The calendar day a won deal counts as an order on: its close date as written, or the day the app first saw it
     * won, in the portal's zone. Null unless won.
     */
    public LocalDate orderDay(ZoneId zone) {
        if (!isWon()) {
            return null;
        }
        if (closeDate != null) {
            return closeDate;
        }
        return wonAt == null ? null : LocalDate.ofInstant(wonAt, zone);
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
