package ru.unitecon.core.bitrix.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Decides whether an event really comes from the installation: its application token must equal the one stored
 * from {@code ONAPPINSTALL}. That is the only check possible for {@code ONAPPUNINSTALL}, which has no user tokens.
 */
public final class EventAuthenticity {
    private EventAuthenticity() {
    }

    /** Constant-time, so the comparison does not leak how much of a forged token was right. */
    public static boolean isGenuine(PortalEvent event, String storedApplicationToken) {
        return isGenuine(event.auth().applicationToken(), storedApplicationToken);
    }

    /** The same check for any other call the portal makes in the app's name, such as a robot's run. */
    public static boolean isGenuine(String presentedApplicationToken, String storedApplicationToken) {
        if (storedApplicationToken == null || storedApplicationToken.isEmpty()) {
            return false;
        }
        byte[] presented = presentedApplicationToken.getBytes(StandardCharsets.UTF_8);
        byte[] stored = storedApplicationToken.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, stored);
    }
}
