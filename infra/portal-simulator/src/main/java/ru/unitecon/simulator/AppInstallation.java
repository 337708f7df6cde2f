package ru.unitecon.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Whether the app is installed on a portal, with what status and scope, and the secret it signs events with. */
final class AppInstallation {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String status;
    private final String scope;
    private final int version;
    private final String applicationToken;
    private volatile boolean installed;

    AppInstallation(String status, String scope, int version) {
        this.status = status;
        this.scope = scope;
        this.version = version;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.applicationToken = HexFormat.of().formatHex(bytes);
    }

    /** What {@code installFinish()} does in the install page: from now on events flow and app.info says installed. */
    void markInstalled() {
        installed = true;
    }

    void markUninstalled() {
        installed = false;
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

    int version() {
        return version;
    }
}
