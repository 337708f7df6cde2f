package ru.unitecon.core.crm;

import ru.unitecon.core.attribution.LeadSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deal (an order when won) reduced to ids, source, times, stage semantics and amount: no personal data.
 *
 * @param leadId    LEAD_ID, set when the deal came from converting a lead, or null
 * @param currency  CURRENCY_ID of the amount, or null when the portal sent none (its base currency)
 * @param closeDate CLOSEDATE as the portal wrote it (a calendar date), or null while open or when empty
 * @param movedAt   MOVED_TIME, when the deal entered its current stage, or null when the portal sent none
 */
public record DealSnapshot(long id, Instant created, Instant modified, LeadSource source, Semantic stage,
                           Long contactId, Long leadId, BigDecimal amount, String currency, LocalDate closeDate,
                           Instant movedAt, Long responsibleId, AppointmentObservation appointment) {
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

    /** A deal whose amount is in the portal's base currency and whose stage move time is not known. */
    public DealSnapshot(long id, Instant created, Instant modified, LeadSource source, Semantic stage,
                        Long contactId, Long leadId, BigDecimal amount, LocalDate closeDate, Long responsibleId,
                        AppointmentObservation appointment) {
        this(id, created, modified, source, stage, contactId, leadId, amount, null, closeDate, null,
                responsibleId, appointment);
    }

    public boolean isWon() {
        return stage == Semantic.SUCCESS;
    }
}
