package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.simulator.FramePost;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlacementAuthenticityTest {
    private static final URI HANDLER = URI.create("https://app.example/placement");

    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final PlacementAuthenticity authenticity = new PlacementAuthenticity(installed.oauth);

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void placementOpenedOnThePortalIsConfirmed() {
        PlacementRequest request = opened(Map.of("ID", "8"));

        AppInstallInfo info = authenticity.verify(request);

        assertEquals(installed.memberId(), info.memberId());
        assertEquals(installed.portal.domain(), info.domain());
        assertEquals(installed.credentials.clientId(), info.clientId());
        assertEquals("8", request.placementOptions().get("ID"));
    }

    @Test
    void tokenIssuedToAnotherAppIsRefused() {
        OAuthServer otherApp = new OAuthServer(HttpClient.newHttpClient(),
                new AppCredentials("local.other.app", "other-secret"), List.of(installed.simulator.oauthServerUrl()));

        assertThrows(ForgedRequest.class, () -> new PlacementAuthenticity(otherApp).verify(opened(Map.of())));
    }

    @Test
    void postClaimingAnotherMemberIdIsRefused() {
        FramePost frame = frame();
        String body = frame.body().replace("member_id=" + installed.memberId(), "member_id=" + "0".repeat(32));

        PlacementRequest forged = PlacementRequest.parse(frame.url().getRawQuery(), body);

        assertThrows(ForgedRequest.class, () -> authenticity.verify(forged));
    }

    @Test
    void postClaimingAnotherDomainIsRefused() {
        FramePost frame = frame();
        String query = frame.url().getRawQuery().replaceFirst("DOMAIN=[^&]*", "DOMAIN=victim.bitrix24.com");

        PlacementRequest forged = PlacementRequest.parse(query, frame.body());

        assertThrows(ForgedRequest.class, () -> authenticity.verify(forged));
    }

    @Test
    void madeUpAccessTokenIsRefused() {
        FramePost frame = frame();
        String body = frame.body().replaceFirst("AUTH_ID=[^&]*", "AUTH_ID=0123456789abcdef");

        PlacementRequest forged = PlacementRequest.parse(frame.url().getRawQuery(), body);

        ForgedRequest error = assertThrows(ForgedRequest.class, () -> authenticity.verify(forged));
        assertEquals("access token refused by the OAuth server: invalid_token", error.getMessage());
    }

    @Test
    void serverEndpointOutsideTheTrustedServersIsRefused() {
        FramePost frame = frame();
        String body = frame.body() + "&SERVER_ENDPOINT=https%3A%2F%2Foauth.evil.example%2Frest%2F";

        PlacementRequest forged = PlacementRequest.parse(frame.url().getRawQuery(), body);

        assertThrows(ForgedRequest.class, () -> authenticity.verify(forged));
    }

    private PlacementRequest opened(Map<String, Object> options) {
        FramePost frame = installed.portal.framePost("CRM_DEAL_DETAIL_TAB", HANDLER, "ru",
                installed.portal.seed().dataset().adminUserId(), options);
        return PlacementRequest.parse(frame.url().getRawQuery(), frame.body());
    }

    private FramePost frame() {
        return installed.portal.framePost("DEFAULT", HANDLER, "ru", installed.portal.seed().dataset().adminUserId(),
                Map.of());
    }
}
