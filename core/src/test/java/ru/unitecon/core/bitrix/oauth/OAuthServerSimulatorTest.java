package ru.unitecon.core.bitrix.oauth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;

import java.net.http.HttpClient;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OAuthServerSimulatorTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void refreshReturnsANewPairForThePortal() {
        InstallationTokens stored = installed.storedTokens();

        TokenGrant grant = installed.oauth.refresh(stored.serverEndpoint(), stored.refreshToken());

        assertNotEquals(stored.refreshToken(), grant.refreshToken());
        assertEquals(installed.memberId(), grant.memberId());
        assertEquals(installed.portal.clientEndpoint().toString(), grant.clientEndpoint());
        assertEquals(installed.clock.instant().plusSeconds(3600), grant.expiresAt());
    }

    @Test
    void spentRefreshTokenIsAnInvalidGrant() {
        InstallationTokens stored = installed.storedTokens();
        installed.oauth.refresh(stored.serverEndpoint(), stored.refreshToken());

        InvalidGrant error = assertThrows(InvalidGrant.class,
                () -> installed.oauth.refresh(stored.serverEndpoint(), stored.refreshToken()));

        assertEquals("invalid_grant", error.errorCode());
    }

    @Test
    void wrongSecretIsAnInvalidClient() {
        OAuthServer wrongSecret = new OAuthServer(HttpClient.newHttpClient(),
                new AppCredentials(installed.credentials.clientId(), "not-the-secret"),
                List.of(installed.simulator.oauthServerUrl()));
        InstallationTokens stored = installed.storedTokens();

        assertThrows(InvalidClient.class, () -> wrongSecret.refresh(stored.serverEndpoint(), stored.refreshToken()));
    }

    @Test
    void appInfoNamesTheInstallation() {
        AppInstallInfo info = installed.oauth.appInfo(null, installed.storedTokens().accessToken());

        assertEquals(installed.credentials.clientId(), info.clientId());
        assertEquals(installed.memberId(), info.memberId());
        assertEquals(installed.portal.domain(), info.domain());
    }

    @Test
    void expiredTokenIsRefusedByAppInfo() {
        installed.simulator.expireAllAccessTokens();

        OAuthError error = assertThrows(OAuthError.class,
                () -> installed.oauth.appInfo(null, installed.storedTokens().accessToken()));

        assertEquals("expired_token", error.errorCode());
    }
}
