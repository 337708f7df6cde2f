package ru.unitecon.core.bitrix.tokens;

import ru.unitecon.core.bitrix.BitrixException;

/** The portal has no usable token pair: its admin has to open the app again before anything can be fetched. */
public class PortalNeedsReconnect extends BitrixException {
    public PortalNeedsReconnect(String memberId, String reason) {
        super("NEEDS_RECONNECT", "portal " + memberId + " needs to reconnect: " + reason);
    }
}
