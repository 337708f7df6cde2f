package ru.unitecon.core.bitrix.rest;

import ru.unitecon.core.bitrix.BitrixException;

/** The portal could not be reached, timed out or kept answering with server errors. */
public class PortalUnavailable extends BitrixException {
    public PortalUnavailable(String method, String reason) {
        super("PORTAL_UNAVAILABLE", method + ": portal unavailable (" + reason + ")");
    }
}
