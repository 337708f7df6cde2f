package ru.unitecon.core.bitrix.tokens;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.oauth.TokenGrant;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class InstallationTokensTest {
    private final InstallationTokens tokens = new InstallationTokens("access-secret-1", "refresh-secret-1",
            Instant.parse("2026-11-23T10:00:00Z"), "https://acme.bitrix24.com/rest/",
            "https://oauth.bitrix.info/rest/");

    @Test
    void toStringShowsNoToken() {
        String text = tokens.toString();

        assertFalse(text.contains("access-secret-1"));
        assertFalse(text.contains("refresh-secret-1"));
    }

    @Test
    void rotationKeepsEndpointsTheGrantLeftOut() {
        TokenGrant grant = new TokenGrant("access-2", "refresh-2", Instant.parse("2026-11-23T11:00:00Z"),
                null, null, "m", "crm");

        InstallationTokens rotated = tokens.rotated(grant);

        assertEquals("access-2", rotated.accessToken());
        assertEquals("refresh-2", rotated.refreshToken());
        assertEquals("https://acme.bitrix24.com/rest/", rotated.clientEndpoint());
        assertEquals("https://oauth.bitrix.info/rest/", rotated.serverEndpoint());
    }
}
