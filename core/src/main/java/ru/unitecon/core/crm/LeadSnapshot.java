package ru.unitecon.core.crm;

import ru.unitecon.core.attribution.LeadSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A lead as the portal returned it, reduced to what the app may keep: ids, source, times, states, amounts.
 * There is deliberately no field for a name, phone or e-mail, so personal data cannot reach the store.
 *
 * @param contactId    the contact the lead was converted to, or null
 * @param currency     CURRENCY_ID of the amount, or null when the portal sent none (its base currency)
 * @param responsibleId ASSIGNED_BY_ID, the manager who gets reminders, or null
 * @param appointment  the appointment the lead books, or null
 */
public record LeadSnapshot(long id, Instant created, Instant modified, LeadSource source, Semantic status,
                           Long contactId, BigDecimal amount, String currency, Long responsibleId,
                           AppointmentObservation appointment) {
    public LeadSnapshot {
        if (id <= 0) {
            throw new IllegalArgumentException("lead id must be positive");
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        source = source == null ? LeadSource.NONE : source;
        status = status == null ? Semantic.IN_PROGRESS : status;
        amount = amount == null ? BigDecimal.ZERO : amount;
    }

    /** A lead whose amount is in the portal's base currency. */
    public LeadSnapshot(long id, Instant created, Instant modified, LeadSource source, Semantic status,
                        Long contactId, BigDecimal amount, Long responsibleId, AppointmentObservation appointment) {
        this(id, created, modified, source, status, contactId, amount, null, responsibleId, appointment);
    }
}
