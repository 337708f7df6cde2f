package ru.unitecon.simulator;

import java.util.Arrays;

/**
 * Whether the app is installed on a portal, with what status, scope and version, and the secret it signs events
 * with. A new version renews that secret (OnAppUpdate's documentation); so does a new installation after an
 * uninstall, whether or not Bitrix24 does (bitrix24.md §10 leaves it open): an app that kept the old one fails.
 */
final class AppInstallation {
    private final String status;
    private volatile String scope;
    private volatile int version;
    private volatile String applicationToken;
    private volatile boolean installed;

    AppInstallation(String status, String scope, int version) {
        this.status = status;
        this.scope = scope;
        this.version = version;
        this.applicationToken = RandomHex.of(16);
    }

    /** What {@code installFinish()} does in the install page: from now on events flow and app.info says installed. */
    void markInstalled() {
        installed = true;
    }

    /** The app is gone; a later install is a new installation with a new application token. */
    void markUninstalled() {
        installed = false;
        applicationToken = RandomHex.of(16);
    }

    /** A new version: the next version number and a renewed application token. */
    synchronized void update() {
        version++;
        applicationToken = RandomHex.of(16);
    }

    boolean isInstalled() {
        return installed;
    }

    String applicationToken() {
        return applicationToken;
    }

    String status() {
        return status;
    }

    String scope() {
        return scope;
    }

    boolean hasScope(String wanted) {
        return Arrays.asList(scope.split(",")).contains(wanted);
    }

    /** The app's scope as its registration in the marketplace lists it. */
    void scope(String value) {
        scope = value;
    }

    int version() {
        return version;
    }
}
