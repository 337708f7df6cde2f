package ru.unitecon.core.intake;

/** What became of a genuine event. */
public enum IntakeOutcome {
    /** Changes were put on the queue, or the installation was updated. */
    ACCEPTED,
    /** An event the app does not act on (or one for an uninstalled portal): answered 200 all the same. */
    IGNORED
}
