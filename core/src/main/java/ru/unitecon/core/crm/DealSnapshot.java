package ru.unitecon.core.crm;

import ru.unitecon.core.attribution.LeadSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal (an order when won) reduced to ids, source, times, stage semantics and amount: no personal data.
 *
 * @param leadId   LEAD_ID, set when the deal came from converting a lead, or null
 * @param closedAt CLOSEDATE (or the time the deal was won), or null while open
 */
public record DealSnapshot(long id, Instant created, Instant modified, LeadSource source, Semantic stage,
                           Long contactId, Long leadId, BigDecimal amount, Instant closedAt, Long responsibleId,
                           AppointmentObservation appointment) {
    public DealSnapshot {
        if (id <= 0) {
            throw new IllegalArgumentException("deal id must be positive");
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        source = source == null ? LeadSource.NONE : source;
        stage = stage == null ? Semantic.IN_PROGRESS : stage;
        amount = amount == null ? BigDecimal.ZERO : amount;
    }

    public boolean isWon() {
        return stage == Semantic.SUCCESS;
    }

    /** When a won deal counts as an order: its close date, or its last change when the portal left that empty. */
    public Instant wonAt() {
        return closedAt != null ? closedAt : modified;
    }
}
