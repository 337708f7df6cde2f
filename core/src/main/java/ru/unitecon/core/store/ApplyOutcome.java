package ru.unitecon.core.store;

/** What applying a snapshot or a delete did. */
public enum ApplyOutcome {
    /** The record and the aggregates changed. */
    APPLIED,
    /** The snapshot was not newer than the stored record (a replay or a reordered event): nothing changed. */
    STALE,
    /** The record is already deleted: nothing changed. */
    ALREADY_DELETED,
    /**
     * The record and its clients changed, but the difference touched more aggregate items than one transaction
     * holds (a long-time client moving channel): the portal is marked for a recount of its aggregates.
     */
    RECOUNT_NEEDED
}
