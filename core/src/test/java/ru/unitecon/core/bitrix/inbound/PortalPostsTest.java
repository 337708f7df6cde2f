package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the simulated portal posts to the app (install frame, events, uninstall), read by our parsers. */
class PortalPostsTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final AppEndpoint app = new AppEndpoint();

    @BeforeEach
    void installTheApp() {
        installed.portal.installApp(app.url("/install"), app.url("/app"));
    }

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        try {
            installed.closeAfterCheckingCalls();
        } finally {
            app.close();
        }
    }

    @Test
    void installFramePostIsReadAndConfirmedByTheOAuthServer() {
        AppEndpoint.Post post = app.last("/install");

        PlacementRequest request = PlacementRequest.parse(post.rawQuery(), post.body());
        AppInstallInfo info = new PlacementAuthenticity(installed.oauth).verify(request);

        assertEquals(installed.memberId(), request.memberId());
        assertEquals("DEFAULT", request.placement());
        assertEquals(installed.portal.domain(), info.domain());
        assertEquals(installed.portal.clientEndpoint(), info.restEndpoint());
    }

    @Test
    void installEventCarriesTheApplicationTokenAndARefreshToken() {
        installed.portal.deliverInstallEvent(app.url("/events"));

        PortalEvent event = PortalEvent.parse(app.last("/events").body());

        assertEquals("ONAPPINSTALL", event.name());
        assertNotNull(event.auth().refreshToken());
        assertEquals(installed.memberId(), event.auth().memberId());
        assertTrue(EventAuthenticity.isGenuine(event, installed.portal.applicationToken()));
    }

    @Test
    void dealEventFromAutomationCarriesOnlyTheIdAndThePortalsIdentity() {
        bind("ONCRMDEALUPDATE");
        installed.portal.deliverEvent("ONCRMDEALUPDATE", 7, false);

        PortalEvent event = PortalEvent.parse(app.last("/events").body());

        assertEquals("ONCRMDEALUPDATE", event.name());
        assertEquals(7L, event.entityId());
        assertFalse(event.auth().hasUserTokens());
        assertEquals(installed.clock.instant(), event.sentAt());
        assertTrue(EventAuthenticity.isGenuine(event, installed.portal.applicationToken()));
    }

    @Test
    void leadEventWithAUserCarriesThatUsersToken() {
        bind("ONCRMLEADADD");
        installed.portal.deliverEvent("ONCRMLEADADD", 3, true);

        PortalEvent event = PortalEvent.parse(app.last("/events").body());

        assertTrue(event.auth().hasUserTokens());
        assertNull(event.auth().refreshToken());
        assertEquals(Long.valueOf(installed.portal.seed().dataset().adminUserId()), event.auth().userId());
    }

    @Test
    void uninstallIsReadAndAuthenticatedByApplicationTokenAlone() {
        String applicationToken = installed.portal.applicationToken();
        bind("ONAPPUNINSTALL");
        installed.portal.uninstall(true);

        PortalEvent event = PortalEvent.parse(app.last("/events").body());

        assertEquals("ONAPPUNINSTALL", event.name());
        assertTrue(event.clean());
        assertNull(event.entityId());
        assertFalse(event.auth().hasUserTokens());
        assertTrue(EventAuthenticity.isGenuine(event, applicationToken));
        assertFalse(EventAuthenticity.isGenuine(event, "a" + applicationToken));
    }

    private void bind(String eventName) {
        installed.client().call("event.bind", Map.of("event", eventName, "handler", app.url("/events").toString()));
    }
}
