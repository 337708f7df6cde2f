package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OAuthServerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-14T09:00:00Z"));
    private PortalSimulator simulator;
    private SimulatedPortal portal;

    @BeforeEach
    void start() {
        simulator = PortalSimulator.start(SimulatorOptions.defaults().withClock(clock));
        portal = simulator.createPortal(PortalSeed.of(Dataset.bundledSample()));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void refreshIssuesANewPairAndDescribesThePortal() {
        IssuedTokens issued = portal.issueTokens("1");

        TestHttp.Reply reply = refresh(portal.seed().clientSecret(), issued.refreshToken());

        assertEquals(200, reply.status());
        Map<String, Object> body = reply.body();
        assertNotEquals(issued.accessToken(), body.get("access_token"));
        assertNotEquals(issued.refreshToken(), body.get("refresh_token"));
        assertEquals(3600, body.get("expires_in"));
        assertEquals(clock.instant().plusSeconds(3600).getEpochSecond(), ((Number) body.get("expires")).longValue());
        assertEquals(portal.clientEndpoint().toString(), body.get("client_endpoint"));
        assertEquals(simulator.oauthServerUrl() + "rest/", body.get("server_endpoint"));
        assertEquals(simulator.oauthServerUrl().getAuthority(), body.get("domain"));
        assertEquals(portal.memberId(), body.get("member_id"));
        assertEquals(1, body.get("user_id"));
        assertEquals("F", body.get("status"));
    }

    @Test
    void refreshedAccessTokenWorksOnThePortal() {
        TestHttp.Reply refreshed = refresh(portal.seed().clientSecret(), portal.issueTokens("1").refreshToken());

        TestHttp.Reply profile = TestHttp.call(portal, "profile", (String) refreshed.body().get("access_token"), Map.of());

        assertEquals(200, profile.status());
        assertEquals("1", profile.resultMap().get("ID"));
    }

    @Test
    void spentRefreshTokenIsInvalidGrant() {
        String refreshToken = portal.issueTokens("1").refreshToken();
        refresh(portal.seed().clientSecret(), refreshToken);

        TestHttp.Reply second = refresh(portal.seed().clientSecret(), refreshToken);

        assertEquals(400, second.status());
        assertEquals("invalid_grant", second.error());
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        TestHttp.Reply reply = refresh(portal.seed().clientSecret(), "no-such-token");

        assertEquals(400, reply.status());
        assertEquals("invalid_grant", reply.error());
    }

    @Test
    void revokedRefreshTokenIsInvalidGrant() {
        String refreshToken = portal.issueTokens("1").refreshToken();
        portal.revokeRefreshTokens();

        assertEquals("invalid_grant", refresh(portal.seed().clientSecret(), refreshToken).error());
    }

    @Test
    void wrongClientSecretIsInvalidClientAndDoesNotSpendTheToken() {
        String refreshToken = portal.issueTokens("1").refreshToken();

        TestHttp.Reply wrong = refresh("not-the-secret", refreshToken);

        assertEquals(400, wrong.status());
        assertEquals("invalid_client", wrong.error());
        assertEquals(200, refresh(portal.seed().clientSecret(), refreshToken).status());
    }

    @Test
    void appInfoDescribesTheTokenAndTheInstallation() throws Exception {
        try (ReceivingApp app = new ReceivingApp()) {
            portal.installApp(app.url("/install"), app.url("/app"));
        }
        IssuedTokens issued = portal.issueTokens("1");

        TestHttp.Reply reply = TestHttp.get(simulator.oauthServerUrl().resolve("rest/app.info?auth=" + issued.accessToken()));

        assertEquals(200, reply.status());
        Map<String, Object> result = reply.resultMap();
        assertEquals(portal.seed().clientId(), result.get("client_id"));
        assertEquals(issued.expiresAt().getEpochSecond(), ((Number) result.get("expires")).longValue());
        assertEquals(1, result.get("user_id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> install = (Map<String, Object>) result.get("install");
        assertEquals(true, install.get("installed"));
        assertEquals(portal.memberId(), install.get("member_id"));
        assertEquals(portal.domain(), install.get("domain"));
        assertEquals(portal.clientEndpoint().toString(), install.get("client_endpoint"));
        assertEquals("F", install.get("status"));
    }

    @Test
    void appInfoRefusesABogusToken() {
        TestHttp.Reply reply = TestHttp.get(simulator.oauthServerUrl().resolve("rest/app.info?auth=bogus"));

        assertEquals(401, reply.status());
        assertEquals("invalid_token", reply.error());
    }

    @Test
    void appInfoRefusesAnExpiredToken() {
        IssuedTokens issued = portal.issueTokens("1");
        clock.advance(Duration.ofHours(1));

        TestHttp.Reply reply = TestHttp.get(simulator.oauthServerUrl().resolve("rest/app.info?auth=" + issued.accessToken()));

        assertEquals(401, reply.status());
        assertEquals("expired_token", reply.error());
    }

    private TestHttp.Reply refresh(String clientSecret, String refreshToken) {
        URI url = simulator.oauthServerUrl().resolve("oauth/token/?grant_type=refresh_token"
                + "&client_id=" + encode(portal.seed().clientId())
                + "&client_secret=" + encode(clientSecret)
                + "&refresh_token=" + encode(refreshToken));
        return TestHttp.get(url);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
