package ru.unitecon.core.access;

/** The per-portal secrets a portal administrator can create: each grants one thing only. */
public enum SecretKind {
    /** Reads the monthly metrics per channel (the BI export URL). */
    BI_EXPORT,
    /** Writes spend rows (the Spend API token). */
    SPEND_API,
    /**
     * Reads the monthly metrics through the BI Builder connector: the token the app gives the portal's BI Builder
     * source, apart from the BI export's so that revoking the export URL does not cut off BI Builder.
     */
    BI_CONNECTOR
}
