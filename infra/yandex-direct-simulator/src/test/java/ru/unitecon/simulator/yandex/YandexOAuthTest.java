package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.RecordedRequest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YandexOAuthTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();

    @Test
    void authorizationCodeFlowGivesATokenThatOpensReports() {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);

        Map<String, String> redirect = authorize("state-42", "");
        DirectHttp.Reply token = exchange(redirect.get("code"), YandexFixture.CLIENT_SECRET);

        assertEquals("state-42", redirect.get("state"));
        assertEquals(200, token.status());
        assertEquals("bearer", token.json().get("token_type").asText());
        assertEquals(Duration.ofDays(365).toSeconds(), token.json().get("expires_in").asLong());
        assertFalse(token.json().get("refresh_token").asText().isEmpty());
        DirectHttp.Reply report = fixture.report(token.json().get("access_token").asText(),
                DirectHttp.spendDefinition("after-connect", "2026-08-01", "2026-08-01"));
        assertEquals(200, report.status());
    }

    @Test
    void aUserWhoRefusesComesBackWithAccessDenied() {
        fixture.simulator.signIn(null);

        Map<String, String> redirect = authorize("s", "");

        assertEquals("access_denied", redirect.get("error"));
        assertEquals("s", redirect.get("state"));
    }

    @Test
    void anUnknownAppOrAForeignRedirectIsRefusedOnTheAuthorizePage() {
        DirectHttp.Reply unknown = DirectHttp.get(fixture.simulator.oauthUrl().resolve("authorize?response_type=code&client_id=nobody"));
        DirectHttp.Reply foreign = DirectHttp.get(fixture.simulator.oauthUrl().resolve("authorize?response_type=code&client_id="
                + YandexFixture.CLIENT_ID + "&redirect_uri=https%3A%2F%2Fevil.example%2F"));

        assertEquals("invalid_client", unknown.json().get("error").asText());
        assertEquals("invalid_request", foreign.json().get("error").asText());
    }

    @Test
    void aCodeWorksOnce() {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);
        String code = authorize("s", "").get("code");
        exchange(code, YandexFixture.CLIENT_SECRET);

        DirectHttp.Reply again = exchange(code, YandexFixture.CLIENT_SECRET);

        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().get("error").asText());
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);
        String code = authorize("s", "").get("code");
        fixture.clock.advance(Duration.ofMinutes(10));

        assertEquals("invalid_grant", exchange(code, YandexFixture.CLIENT_SECRET).json().get("error").asText());
    }

    @Test
    void aWrongSecretIsInvalidClientAndLeavesTheCodeUsable() {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);
        String code = authorize("s", "").get("code");

        DirectHttp.Reply wrong = exchange(code, "not-the-secret");

        assertEquals(400, wrong.status());
        assertEquals("invalid_client", wrong.json().get("error").asText());
        assertEquals(200, exchange(code, YandexFixture.CLIENT_SECRET).status());
    }

    @Test
    void clientCredentialsMayComeInABasicHeader() throws Exception {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);
        String code = authorize("s", "").get("code");
        String basic = Base64.getEncoder().encodeToString((YandexFixture.CLIENT_ID + ":" + YandexFixture.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));

        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenUrl())
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
    }

    @Test
    void refreshKeepsALongLivedTokenAndReplacesTheRefreshToken() {
        IssuedYandexTokens issued = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN);

        DirectHttp.Reply refreshed = refresh(issued.refreshToken());

        assertEquals(issued.accessToken(), refreshed.json().get("access_token").asText());
        assertNotEquals(issued.refreshToken(), refreshed.json().get("refresh_token").asText());
        assertEquals("invalid_grant", refresh(issued.refreshToken()).json().get("error").asText());
    }

    @Test
    void refreshNearTheEndGivesANewTokenAndRetiresTheOldOne() {
        IssuedYandexTokens issued = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN);
        fixture.clock.advance(Duration.ofDays(300));

        DirectHttp.Reply refreshed = refresh(issued.refreshToken());

        String fresh = refreshed.json().get("access_token").asText();
        assertNotEquals(issued.accessToken(), fresh);
        assertEquals(Duration.ofDays(365).toSeconds(), refreshed.json().get("expires_in").asLong());
        assertEquals(53, fixture.report(issued.accessToken(), DirectHttp.spendDefinition("old", "2026-08-01", "2026-08-01")).errorCode());
        assertEquals(200, fixture.report(fresh, DirectHttp.spendDefinition("new", "2026-08-01", "2026-08-01")).status());
    }

    @Test
    void anExpiredTokenIsAnAuthorizationError() {
        String token = fixture.tokenOf(DirectDataset.SALON_LOGIN);
        fixture.clock.advance(Duration.ofDays(365));

        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("late", "2026-08-01", "2026-08-01"));

        assertEquals(400, reply.status());
        assertEquals(53, reply.errorCode());
    }

    @Test
    void revokedAccessKillsTheTokenAndItsRefreshToken() {
        IssuedYandexTokens issued = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN);

        fixture.simulator.revokeUserAccess(DirectDataset.SALON_LOGIN, YandexFixture.CLIENT_ID);

        assertEquals(53, fixture.report(issued.accessToken(), DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-01")).errorCode());
        assertEquals("invalid_grant", refresh(issued.refreshToken()).json().get("error").asText());
    }

    @Test
    void aPasswordChangeKillsEveryTokenOfTheAccount() {
        IssuedYandexTokens issued = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN);

        fixture.simulator.changePassword(DirectDataset.SALON_LOGIN);

        assertEquals(53, fixture.report(issued.accessToken(), DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-01")).errorCode());
    }

    @Test
    void onlyDeviceTokensCanBeRevokedByTheApp() {
        fixture.simulator.signIn(DirectDataset.SALON_LOGIN);
        String deviceToken = exchange(authorize("s", "&device_id=importer-0001").get("code"), YandexFixture.CLIENT_SECRET)
                .json().get("access_token").asText();
        String plainToken = fixture.tokenOf(DirectDataset.SALON_LOGIN);

        DirectHttp.Reply revoked = revoke(deviceToken);
        DirectHttp.Reply refused = revoke(plainToken);

        assertEquals(200, revoked.status());
        assertEquals("ok", revoked.json().get("status").asText());
        assertEquals(53, fixture.report(deviceToken, DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-01")).errorCode());
        assertEquals("unsupported_token_type", refused.json().get("error").asText());
    }

    @Test
    void unsupportedGrantIsRefused() {
        DirectHttp.Reply reply = DirectHttp.postForm(tokenUrl(), Map.of("grant_type", "password",
                "client_id", YandexFixture.CLIENT_ID, "client_secret", YandexFixture.CLIENT_SECRET));

        assertEquals(400, reply.status());
        assertEquals("unsupported_grant_type", reply.json().get("error").asText());
    }

    @Test
    void tokenRequestsAreRecordedWithoutSecrets() {
        IssuedYandexTokens issued = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN);
        refresh(issued.refreshToken());

        RecordedRequest recorded = fixture.simulator.requests().all().getLast();

        assertEquals(1, fixture.simulator.requests().count("/token"));
        assertEquals(RecordedRequest.REDACTED, recorded.parameters().get("refresh_token"));
        assertEquals(RecordedRequest.REDACTED, recorded.parameters().get("client_secret"));
        assertFalse(recorded.toString().contains(issued.refreshToken()));
    }

    private Map<String, String> authorize(String state, String extra) {
        DirectHttp.Reply reply = DirectHttp.get(fixture.simulator.oauthUrl().resolve("authorize?response_type=code&client_id="
                + YandexFixture.CLIENT_ID + "&state=" + state + extra));
        assertEquals(302, reply.status());
        String location = reply.header("Location");
        assertTrue(location.startsWith(YandexFixture.REDIRECT + "?"), location);
        return HttpExchanges.decodeForm(URI.create(location).getRawQuery());
    }

    private DirectHttp.Reply exchange(String code, String secret) {
        return DirectHttp.postForm(tokenUrl(), Map.of("grant_type", "authorization_code", "code", code,
                "client_id", YandexFixture.CLIENT_ID, "client_secret", secret));
    }

    private DirectHttp.Reply refresh(String refreshToken) {
        return DirectHttp.postForm(tokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", YandexFixture.CLIENT_ID, "client_secret", YandexFixture.CLIENT_SECRET));
    }

    private DirectHttp.Reply revoke(String token) {
        return DirectHttp.postForm(fixture.simulator.oauthUrl().resolve("revoke_token"), Map.of("access_token", token,
                "client_id", YandexFixture.CLIENT_ID, "client_secret", YandexFixture.CLIENT_SECRET));
    }

    private URI tokenUrl() {
        return fixture.simulator.oauthUrl().resolve("token");
    }
}
