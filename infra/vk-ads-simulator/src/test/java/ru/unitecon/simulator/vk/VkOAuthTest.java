package ru.unitecon.simulator.vk;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.loopback.RecordedRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VkOAuthTest {
    @AutoClose
    private final VkFixture fixture = new VkFixture();

    @Test
    void clientCredentialsGiveADayLongTokenForTheOwnersAccount() {
        VkFixture.Reply reply = fixture.clientCredentials();

        assertEquals(200, reply.status());
        assertEquals("bearer", reply.json().get("token_type").asText());
        assertEquals("86400", reply.json().get("expires_in").asText());
        assertTrue(reply.json().get("expires_in").isTextual(), "the documented answer quotes expires_in");
        VkFixture.Reply user = fixture.get(reply.json().get("access_token").asText(), "/api/v2/user.json");
        assertEquals(fixture.salon().userId(), user.json().get("id").asLong());
        assertEquals("RUB", user.json().get("account").get("currency").asText());
    }

    @Test
    void authorizationCodeFlowOpensAThirdPartyAccount() {
        fixture.simulator.signIn(VkAdsDataset.KZT_USERNAME);

        Map<String, String> redirect = accessPage("csrf-1", VkFixture.REDIRECT);
        VkFixture.Reply info = fixture.post("/api/v2/oauth2/code_info.json", Map.of("code", redirect.get("code"),
                "client_id", VkFixture.CLIENT_ID, "client_secret", VkFixture.CLIENT_SECRET));
        VkFixture.Reply token = exchange(redirect.get("code"));

        long kztUser = fixture.simulator.account(VkAdsDataset.KZT_USERNAME).userId();
        assertEquals("csrf-1", redirect.get("state"));
        assertEquals(String.valueOf(kztUser), redirect.get("user_id"));
        assertEquals(kztUser, info.json().get("user").get("id").asLong());
        assertEquals(200, token.status());
        assertEquals(86400, token.json().get("expires_in").asLong());
        assertTrue(token.json().get("scope").isArray());
        VkFixture.Reply user = fixture.get(token.json().get("access_token").asText(), "/api/v2/user.json");
        assertEquals("KZT", user.json().get("account").get("currency").asText());
    }

    @Test
    void aCodeWorksOnceAndForAnHour() {
        fixture.simulator.signIn(VkAdsDataset.SALON_USERNAME);
        String used = accessPage("s", VkFixture.REDIRECT).get("code");
        exchange(used);
        String stale = accessPage("s", VkFixture.REDIRECT).get("code");
        fixture.clock.advance(Duration.ofHours(1));

        assertEquals("invalid_grant", exchange(used).json().get("error").asText());
        assertEquals("invalid_grant", exchange(stale).json().get("error").asText());
    }

    @Test
    void aClientWithoutTheAuthorizationCodeConditionIsRefused() {
        fixture.simulator.registerClient(VkAdsClient.ownAccount("plain", "plain-secret", VkAdsDataset.SALON_USERNAME));

        VkFixture.Reply page = fixture.get(null, "/hq/settings/access?action=oauth2&response_type=code&client_id=plain&state=s"
                + "&scope=read_ads&redirect_uri=" + VkFixture.REDIRECT);
        VkFixture.Reply token = fixture.post("/api/v2/oauth2/token.json", Map.of("grant_type", "authorization_code",
                "code", "whatever", "client_id", "plain"));

        assertEquals("unauthorized_client", page.json().get("error").asText());
        assertEquals("unauthorized_client", token.json().get("error").asText());
    }

    @Test
    void anUnregisteredRedirectIsRefusedAndARefusalComesBack() {
        VkFixture.Reply foreign = fixture.get(null, "/hq/settings/access?action=oauth2&response_type=code&client_id="
                + VkFixture.CLIENT_ID + "&state=s&redirect_uri=https://evil.example/");
        fixture.simulator.signIn(null);

        assertEquals(400, foreign.status());
        assertEquals("access_denied", accessPage("s", VkFixture.REDIRECT).get("error"));
    }

    @Test
    void refreshChangesTheAccessTokenAndRetiresTheOldOne() {
        VkFixture.Reply first = fixture.clientCredentials();
        String oldAccess = first.json().get("access_token").asText();
        String refreshToken = first.json().get("refresh_token").asText();
        fixture.clock.advance(Duration.ofHours(25));

        VkFixture.Reply refreshed = fixture.refresh(refreshToken);

        assertNotEquals(oldAccess, refreshed.json().get("access_token").asText());
        assertEquals(refreshToken, refreshed.json().get("refresh_token").asText());
        assertEquals("invalid_token", fixture.get(oldAccess, "/api/v2/user.json").code());
        assertEquals(200, fixture.get(refreshed.json().get("access_token").asText(), "/api/v2/user.json").status());
        assertEquals(1, fixture.simulator.tokenCount(VkFixture.CLIENT_ID, VkAdsDataset.SALON_USERNAME));
    }

    @Test
    void aRotatingClientGetsANewRefreshTokenEachTime() {
        fixture.simulator.registerClient(new VkAdsClient("rotating", "r-secret", VkAdsDataset.SALON_USERNAME, Set.of(), false, true));
        IssuedVkTokens issued = fixture.simulator.issueTokens("rotating", VkAdsDataset.SALON_USERNAME);

        VkFixture.Reply refreshed = fixture.post("/api/v2/oauth2/token.json", Map.of("grant_type", "refresh_token",
                "refresh_token", issued.refreshToken(), "client_id", "rotating", "client_secret", "r-secret"));

        assertNotEquals(issued.refreshToken(), refreshed.json().get("refresh_token").asText());
    }

    @Test
    void aSixthTokenIsRefusedUntilTheUsersTokensAreDeleted() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, fixture.clientCredentials().status());
        }

        VkFixture.Reply sixth = fixture.clientCredentials();
        VkFixture.Reply deleted = fixture.post("/api/v2/oauth2/token/delete.json", Map.of("client_id", VkFixture.CLIENT_ID,
                "client_secret", VkFixture.CLIENT_SECRET, "username", VkAdsDataset.SALON_USERNAME));

        assertEquals(403, sixth.status());
        assertEquals(204, deleted.status());
        assertEquals(0, fixture.simulator.tokenCount(VkFixture.CLIENT_ID, VkAdsDataset.SALON_USERNAME));
        assertEquals(200, fixture.clientCredentials().status());
    }

    @Test
    void anExpiredTokenSaysSoWithWwwAuthenticate() {
        String token = fixture.salonToken();
        fixture.clock.advance(Duration.ofDays(1));

        VkFixture.Reply reply = fixture.get(token, "/api/v2/user.json");

        assertEquals(401, reply.status());
        assertEquals("expired_token", reply.code());
        assertEquals("Access token is expired", reply.json().get("message").asText());
        assertTrue(reply.header("WWW-Authenticate").contains("error=\"expired_token\""));
    }

    @Test
    void aTokenNotRefreshedForAMonthIsGone() {
        IssuedVkTokens issued = fixture.simulator.issueTokens(VkFixture.CLIENT_ID, VkAdsDataset.SALON_USERNAME);
        fixture.clock.advance(Duration.ofDays(30));

        assertEquals("invalid_token", fixture.get(issued.accessToken(), "/api/v2/user.json").code());
        assertEquals("invalid_grant", fixture.refresh(issued.refreshToken()).json().get("error").asText());
    }

    @Test
    void revokedBlockedAndUnknownTokensAnswerTheirCodes() {
        String revoked = fixture.salonToken();
        fixture.simulator.revokeAccess(VkAdsDataset.SALON_USERNAME, VkFixture.CLIENT_ID);
        assertEquals("revoked_token", fixture.get(revoked, "/api/v2/user.json").code());

        assertEquals("invalid_token", fixture.get("forged", "/api/v2/user.json").code());
        assertEquals("invalid_token", fixture.get(null, "/api/v2/user.json").code());

        fixture.simulator.blockUser(VkAdsDataset.KZT_USERNAME);
        assertEquals("invalid_user", fixture.get(fixture.simulator.issueTokens(VkFixture.CLIENT_ID, VkAdsDataset.KZT_USERNAME)
                .accessToken(), "/api/v2/user.json").code());

        String blocked = fixture.simulator.issueTokens(VkFixture.CLIENT_ID, VkAdsDataset.SALON_USERNAME).accessToken();
        fixture.simulator.blockClient(VkFixture.CLIENT_ID);
        assertEquals("invalid_client", fixture.get(blocked, "/api/v2/user.json").code());
    }

    @Test
    void aWrongSecretOrGrantIsRefused() {
        VkFixture.Reply wrong = fixture.post("/api/v2/oauth2/token.json", Map.of("grant_type", "client_credentials",
                "client_id", VkFixture.CLIENT_ID, "client_secret", "nope"));
        VkFixture.Reply grant = fixture.post("/api/v2/oauth2/token.json", Map.of("grant_type", "password"));

        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.json().get("error").asText());
        assertEquals("unsupported_grant_type", grant.json().get("error").asText());
    }

    @Test
    void tokenCallsAreRecordedWithoutSecrets() {
        VkFixture.Reply issued = fixture.clientCredentials();

        RecordedRequest recorded = fixture.simulator.requests().all().getLast();

        assertEquals(RecordedRequest.REDACTED, recorded.parameters().get("client_secret"));
        assertFalse(recorded.toString().contains(VkFixture.CLIENT_SECRET));
        assertFalse(recorded.toString().contains(issued.json().get("access_token").asText()));
    }

    private Map<String, String> accessPage(String state, URI redirect) {
        VkFixture.Reply reply = fixture.get(null, "/hq/settings/access?action=oauth2&response_type=code&client_id="
                + VkFixture.CLIENT_ID + "&state=" + state + "&scope=read_ads&redirect_uri=" + redirect);
        assertEquals(302, reply.status(), reply.body());
        assertTrue(reply.header("Location").startsWith(redirect + "?"));
        return VkFixture.query(reply.header("Location"));
    }

    private VkFixture.Reply exchange(String code) {
        return fixture.post("/api/v2/oauth2/token.json", Map.of("grant_type", "authorization_code", "code", code,
                "client_id", VkFixture.CLIENT_ID));
    }
}
