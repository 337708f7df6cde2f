package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsAccessTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();
    private final String body = DirectHttp.spendDefinition("access", "2026-08-01", "2026-08-01");

    @Test
    void aMissingTokenIsAnAuthorizationError() {
        DirectHttp.Reply reply = fixture.report(null, body);

        assertEquals(400, reply.status());
        assertEquals(53, reply.errorCode());
        assertEquals("OAuth token is missing", reply.error().get("error_detail").asText());
    }

    @Test
    void anUnknownTokenIsAnAuthorizationError() {
        assertEquals(53, fixture.report("y0_forged", body).errorCode());
    }

    @Test
    void anAppWithoutApprovedApiAccessGetsIncompleteRegistration() {
        fixture.simulator.registerApp(new YandexOAuthApp("pending-app", "s", URI.create("https://app.example/cb"), false));
        String token = fixture.simulator.issueTokens("pending-app", DirectDataset.SALON_LOGIN).accessToken();

        assertEquals(58, fixture.report(token, body).errorCode());
    }

    @Test
    void aYandexUserWithoutADirectAccountIsRefused() {
        assertEquals(513, fixture.report(fixture.tokenOf("someone-else"), body).errorCode());
    }

    @Test
    void anAgencyReadsItsClientNamedInClientLogin() {
        String agencyToken = fixture.tokenOf(DirectDataset.AGENCY_LOGIN);

        DirectHttp.Reply reply = fixture.report(agencyToken, body, "Client-Login", DirectDataset.AGENCY_RUB_CLIENT);

        assertEquals(200, reply.status());
        long clientCampaign = fixture.simulator.advertiser(DirectDataset.AGENCY_RUB_CLIENT).campaigns().getFirst().id();
        assertTrue(reply.body().contains("\t" + clientCampaign + "\t"));
        assertTrue(fixture.salon().campaigns().stream().noneMatch(c -> reply.body().contains(String.valueOf(c.id()))));
    }

    @Test
    void anAgencyMustNameTheClient() {
        DirectHttp.Reply reply = fixture.report(fixture.tokenOf(DirectDataset.AGENCY_LOGIN), body);

        assertEquals(400, reply.status());
        assertEquals(8000, reply.errorCode());
    }

    @Test
    void anAgencyCannotReadAnAdvertiserThatIsNotItsClient() {
        DirectHttp.Reply reply = fixture.report(fixture.tokenOf(DirectDataset.AGENCY_LOGIN), body,
                "Client-Login", DirectDataset.SALON_LOGIN);

        assertEquals(54, reply.errorCode());
    }

    @Test
    void anAdvertiserCannotNameAnotherAdvertiser() {
        String salonToken = fixture.tokenOf(DirectDataset.SALON_LOGIN);

        assertEquals(54, fixture.report(salonToken, body, "Client-Login", DirectDataset.AGENCY_RUB_CLIENT).errorCode());
        assertEquals(200, fixture.report(salonToken, body, "Client-Login", DirectDataset.SALON_LOGIN.toUpperCase()).status());
    }

    @Test
    void anAgencyNeedsItsClientsToExist() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> fixture.simulator.addAgency(new DirectAgency("agency-2", Set.of("nobody"))));
    }
}
