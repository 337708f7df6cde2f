package ru.unitecon.core.portal;

/** Where an installation stands. */
public enum InstallationStatus {
    INSTALLED,
    /** The refresh token was refused (invalid_grant): an administrator must open the app again. */
    NEEDS_RECONNECT,
    UNINSTALLED
}
