package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalEventTest {
    /** The wire sample of bitrix24.md §5.3 (tokens shortened there, kept as such). */
    static final String DEAL_UPDATE = "event=ONCRMDEALUPDATE&event_handler_id=201&data%5BFIELDS%5D%5BID%5D=759"
            + "&ts=1736405807&auth%5Baccess_token%5D=s6p6eclrvim6da22ft9ch94ekreb52lv&auth%5Bexpires%5D=1736409407"
            + "&auth%5Bexpires_in%5D=3600&auth%5Bscope%5D=crm&auth%5Bdomain%5D=acme.bitrix24.com"
            + "&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F&auth%5Bstatus%5D=F"
            + "&auth%5Bclient_endpoint%5D=https%3A%2F%2Facme.bitrix24.com%2Frest%2F"
            + "&auth%5Bmember_id%5D=a223c6b3710f85df22e9377d6c4f7553&auth%5Buser_id%5D=1"
            + "&auth%5Bapplication_token%5D=51856fefc120afa4b628cc82d3935cce";

    /** The ONAPPUNINSTALL sample of bitrix24.md §10, with the elided values filled in. */
    static final String UNINSTALL = "event=ONAPPUNINSTALL&data%5BLANGUAGE_ID%5D=en&data%5BCLEAN%5D=1&ts=1466439714"
            + "&auth%5Bdomain%5D=acme.bitrix24.com&auth%5Bclient_endpoint%5D=https%3A%2F%2Facme.bitrix24.com%2Frest%2F"
            + "&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F"
            + "&auth%5Bmember_id%5D=a223c6b3710f85df22e9377d6c4f7553"
            + "&auth%5Bapplication_token%5D=51856fefc120afa4b628cc82d3935cce";

    @Test
    void dealUpdateCarriesTheDealIdAndTheActingUsersToken() {
        PortalEvent event = PortalEvent.parse(DEAL_UPDATE);

        assertEquals("ONCRMDEALUPDATE", event.name());
        assertEquals(759L, event.entityId());
        assertEquals(Instant.ofEpochSecond(1736405807), event.sentAt());
        EventAuth auth = event.auth();
        assertEquals("a223c6b3710f85df22e9377d6c4f7553", auth.memberId());
        assertEquals("acme.bitrix24.com", auth.domain());
        assertEquals("https://oauth.bitrix.info/rest/", auth.serverEndpoint());
        assertEquals("51856fefc120afa4b628cc82d3935cce", auth.applicationToken());
        assertEquals("s6p6eclrvim6da22ft9ch94ekreb52lv", auth.accessToken());
        assertEquals(Instant.ofEpochSecond(1736409407), auth.expiresAt());
        assertEquals(1L, auth.userId());
        assertNull(auth.refreshToken());
    }

    @Test
    void uninstallHasNoEntityAndNoTokens() {
        PortalEvent event = PortalEvent.parse(UNINSTALL);

        assertEquals("ONAPPUNINSTALL", event.name());
        assertNull(event.entityId());
        assertTrue(event.clean());
        assertFalse(event.auth().hasUserTokens());
        assertEquals(Instant.ofEpochSecond(1466439714), event.sentAt());
    }

    @Test
    void uninstallWithoutCleanKeepsData() {
        PortalEvent event = PortalEvent.parse(UNINSTALL.replace("data%5BCLEAN%5D=1", "data%5BCLEAN%5D=0"));

        assertFalse(event.clean());
    }

    @Test
    void eventFiredByAutomationHasNoUserTokens() {
        String body = DEAL_UPDATE.replaceAll("&auth%5B(access_token|expires|expires_in|user_id)%5D=[^&]*", "");

        PortalEvent event = PortalEvent.parse(body);

        assertFalse(event.auth().hasUserTokens());
        assertNull(event.auth().userId());
        assertNull(event.auth().expiresAt());
        assertEquals(759L, event.entityId());
    }

    @Test
    void installEventCarriesVersionAndRefreshToken() {
        String body = "event=onappinstall&data%5BVERSION%5D=1&data%5BACTIVE%5D=Y&ts=1655823961"
                + "&auth%5Baccess_token%5D=aaa&auth%5Brefresh_token%5D=rrr&auth%5Bexpires%5D=1655827561"
                + "&auth%5Bdomain%5D=acme.bitrix24.com&auth%5Bmember_id%5D=m1&auth%5Bapplication_token%5D=t1";

        PortalEvent event = PortalEvent.parse(body);

        assertEquals("ONAPPINSTALL", event.name());
        assertEquals("1", event.version());
        assertEquals("rrr", event.auth().refreshToken());
    }

    @Test
    void updateEventWithOnlyExpiresInExpiresThatLongAfterItWasSent() {
        // The shape of the documented ONAPPUPDATE: expires_in, no expires.
        String body = "event=ONAPPUPDATE&data%5BVERSION%5D=2&data%5BPREVIOUS_VERSION%5D=1&data%5BLANGUAGE_ID%5D=en"
                + "&ts=1696527000&auth%5Baccess_token%5D=aaa&auth%5Brefresh_token%5D=rrr&auth%5Bexpires_in%5D=3600"
                + "&auth%5Bdomain%5D=acme.bitrix24.com&auth%5Bmember_id%5D=m1&auth%5Bapplication_token%5D=t2";

        PortalEvent event = PortalEvent.parse(body);

        assertEquals(Instant.ofEpochSecond(1696527000 + 3600), event.auth().expiresAt());
        assertEquals("en", event.language());
        assertEquals("2", event.version());
    }

    @Test
    void uninstallNamesThePortalsLanguage() {
        assertEquals("en", PortalEvent.parse(UNINSTALL).language());
        assertNull(PortalEvent.parse(DEAL_UPDATE).language());
    }

    @Test
    void timesBeyondWhatAnInstantHoldsAreMalformed() {
        assertThrows(MalformedRequest.class,
                () -> PortalEvent.parse(DEAL_UPDATE.replace("ts=1736405807", "ts=" + Long.MAX_VALUE / 2)));
        assertThrows(MalformedRequest.class, () -> PortalEvent.parse(DEAL_UPDATE.replace(
                "auth%5Bexpires%5D=1736409407", "auth%5Bexpires%5D=" + Instant.MAX.getEpochSecond())));
    }

    @Test
    void toStringShowsNoToken() {
        String text = PortalEvent.parse(DEAL_UPDATE).toString();

        assertFalse(text.contains("s6p6eclrvim6da22ft9ch94ekreb52lv"));
        assertFalse(text.contains("51856fefc120afa4b628cc82d3935cce"));
    }

    @Test
    void nonNumericEntityIdIsRefused() {
        String body = DEAL_UPDATE.replace("%5BID%5D=759", "%5BID%5D=7x");

        assertThrows(MalformedRequest.class, () -> PortalEvent.parse(body));
    }

    @Test
    void zeroEntityIdIsRefused() {
        String body = DEAL_UPDATE.replace("%5BID%5D=759", "%5BID%5D=0");

        assertThrows(MalformedRequest.class, () -> PortalEvent.parse(body));
    }

    @Test
    void eventWithoutApplicationTokenIsRefused() {
        String body = UNINSTALL.replaceAll("&auth%5Bapplication_token%5D=[^&]*", "");

        MalformedRequest error = assertThrows(MalformedRequest.class, () -> PortalEvent.parse(body));
        assertEquals("missing auth[application_token]", error.getMessage());
    }

    @Test
    void eventWithoutMemberIdIsRefused() {
        assertThrows(MalformedRequest.class,
                () -> PortalEvent.parse(UNINSTALL.replaceAll("&auth%5Bmember_id%5D=[^&]*", "")));
    }
}
