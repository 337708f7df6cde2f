package ru.unitecon.core.access;

/** The per-portal secrets a portal administrator can create: each grants one thing only. */
public enum SecretKind {
    /** Reads the monthly metrics per channel (the BI export URL). */
    BI_EXPORT,
    /** Writes spend rows (the Spend API token). */
    SPEND_API
}
