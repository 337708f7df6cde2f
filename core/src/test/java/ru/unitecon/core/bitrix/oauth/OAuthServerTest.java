package ru.unitecon.core.bitrix.oauth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthServerTest {
    private final OAuthServer server = new OAuthServer(HttpClient.newHttpClient(),
            new AppCredentials("local.abc.def", "s3cr3t-value"));

    @Test
    void portalsServerEndpointIsUsedWithoutItsRestSuffix() {
        assertEquals(URI.create("https://oauth.bitrix24.tech/"), server.base("https://oauth.bitrix24.tech/rest/"));
        assertEquals(URI.create("https://oauth.bitrix.info/"), server.base("https://oauth.bitrix.info/rest"));
    }

    @Test
    void missingServerEndpointMeansTheDefaultServer() {
        assertEquals(OAuthServer.WEST, server.base(null));
        assertEquals(OAuthServer.WEST, server.base(" "));
    }

    @Test
    void unknownServerEndpointIsNotTrustedWithOurSecret() {
        assertThrows(UntrustedOAuthServer.class, () -> server.base("https://oauth.evil.example/rest/"));
        assertThrows(UntrustedOAuthServer.class, () -> server.refresh("https://oauth.evil.example/rest/", "r"));
        assertThrows(UntrustedOAuthServer.class, () -> server.base("not a uri"));
    }

    @Test
    void configuredServerReplacesTheDefaults() {
        OAuthServer local = new OAuthServer(HttpClient.newHttpClient(), new AppCredentials("id", "secret"),
                List.of(URI.create("http://127.0.0.1:8123")));

        assertEquals(URI.create("http://127.0.0.1:8123/"), local.base(null));
        assertEquals(URI.create("http://127.0.0.1:8123/"), local.base("http://127.0.0.1:8123/rest/"));
        assertThrows(UntrustedOAuthServer.class, () -> local.base("https://oauth.bitrix.info/rest/"));
    }

    @Test
    void credentialsComeFromTheEnvironmentAndHideTheSecret() {
        AppCredentials credentials = AppCredentials.from(Map.of("BITRIX_CLIENT_ID", "local.abc.def",
                "BITRIX_CLIENT_SECRET", "s3cr3t-value"));

        assertEquals("local.abc.def", credentials.clientId());
        assertFalse(credentials.toString().contains("s3cr3t-value"));
    }

    @Test
    void missingCredentialsAreReported() {
        assertThrows(IllegalStateException.class, () -> AppCredentials.from(Map.of("BITRIX_CLIENT_ID", "x")));
    }

    @Test
    void grantToStringShowsNoToken() {
        TokenGrant grant = new TokenGrant("access-secret", "refresh-secret", Instant.EPOCH, null, null, "m", "crm");

        assertFalse(grant.toString().contains("access-secret"));
        assertFalse(grant.toString().contains("refresh-secret"));
    }

    @Test
    void installInfoConfirmsOnlyOurAppOnTheClaimedPortal() {
        AppInstallInfo info = new AppInstallInfo("local.abc.def", "m1", "Acme.bitrix24.com", true,
                "https://acme.bitrix24.com/rest/", "L", 1L);

        assertTrue(info.confirms("local.abc.def", "m1", "acme.bitrix24.com"));
        assertFalse(info.confirms("local.other", "m1", "acme.bitrix24.com"));
        assertFalse(info.confirms("local.abc.def", "m2", "acme.bitrix24.com"));
        assertFalse(info.confirms("local.abc.def", "m1", "evil.bitrix24.com"));
    }

    @Test
    void theRestEndpointIsTheOneTheOAuthServerNamesOnTheInstallationsHost() {
        AppInstallInfo named = new AppInstallInfo("c", "m1", "acme.bitrix24.com", true,
                "https://ACME.bitrix24.com/rest", "F", 1L);
        AppInstallInfo elsewhere = new AppInstallInfo("c", "m1", "acme.bitrix24.com", true,
                "https://collector.example/rest/", "F", 1L);
        AppInstallInfo unnamed = new AppInstallInfo("c", "m1", "acme.bitrix24.com", true, null, "F", 1L);

        assertEquals(URI.create("https://ACME.bitrix24.com/rest/"), named.restEndpoint());
        assertEquals(URI.create("https://acme.bitrix24.com/rest/"), elsewhere.restEndpoint());
        assertEquals(URI.create("https://acme.bitrix24.com/rest/"), unnamed.restEndpoint());
    }

    @Test
    void onlyAnAddressOnTheInstallationsHostIsOnThePortal() {
        AppInstallInfo info = new AppInstallInfo("c", "m1", "127.0.0.1:8443", true, null, "F", 1L);

        assertTrue(info.isOnPortal(URI.create("http://127.0.0.1:8443/rest/")));
        assertFalse(info.isOnPortal(URI.create("http://127.0.0.1:9999/rest/")));
        assertFalse(info.isOnPortal(URI.create("https://127.0.0.1.evil.example:8443/rest/")));
        assertFalse(info.isOnPortal(URI.create("file://127.0.0.1:8443/rest/")));
        assertFalse(info.isOnPortal(URI.create("/rest/")));
    }
}
