package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.LeadSource;

import java.time.Instant;

/** What the store keeps of a lead or deal, as far as the bookkeeping needs to know. */
public sealed interface CrmRecord permits LeadRecord, DealRecord {

    long id();

    /** DATE_MODIFY of the snapshot this record was made from; a snapshot not newer than this is ignored. */
    Instant modified();

    boolean deleted();

    /** The record's place inside its client: {@code L42} or {@code D7}. */
    String memberId();

    /** The client the record belongs to, or null for a deleted record. */
    String clientKey();

    /** Where the record says it came from (source and UTM marks). */
    LeadSource source();

    /** The channel its source maps to under the portal's rules. */
    String channel();

    /** Its visit, or null when it has none. */
    Appointment appointment();

    /** The user responsible for it (ASSIGNED_BY_ID), or null. */
    Long responsibleId();
}
