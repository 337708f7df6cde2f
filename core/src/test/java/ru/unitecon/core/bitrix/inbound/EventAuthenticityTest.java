package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventAuthenticityTest {
    private final PortalEvent uninstall = PortalEvent.parse(PortalEventTest.UNINSTALL);

    @Test
    void storedApplicationTokenIsAccepted() {
        assertTrue(EventAuthenticity.isGenuine(uninstall, "51856fefc120afa4b628cc82d3935cce"));
    }

    @Test
    void forgedApplicationTokenIsRefused() {
        assertFalse(EventAuthenticity.isGenuine(uninstall, "51856fefc120afa4b628cc82d3935ccf"));
    }

    @Test
    void prefixOfTheTokenIsRefused() {
        assertFalse(EventAuthenticity.isGenuine(uninstall, "51856fefc120afa4"));
    }

    @Test
    void portalWithoutStoredTokenAcceptsNothing() {
        assertFalse(EventAuthenticity.isGenuine(uninstall, null));
        assertFalse(EventAuthenticity.isGenuine(uninstall, ""));
    }
}
