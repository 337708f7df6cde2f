package ru.unitecon.core.intake;

/** What became of a genuine event. */
public enum IntakeOutcome {
    /** A lead or deal change to fetch, or the installation was updated. */
    ACCEPTED,
    /** An event the app does not act on (or one for an uninstalled portal): dropped without a retry. */
    IGNORED
}
