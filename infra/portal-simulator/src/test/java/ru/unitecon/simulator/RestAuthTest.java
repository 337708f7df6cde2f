package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestAuthTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void callWithoutAuthIsNoAuthFound() {
        TestHttp.Reply reply = TestHttp.call(fixture.portal, "profile", null, Map.of());

        assertEquals(401, reply.status());
        assertEquals("NO_AUTH_FOUND", reply.error());
    }

    @Test
    void bogusTokenIsInvalidToken() {
        TestHttp.Reply reply = TestHttp.call(fixture.portal, "profile", "bogus", Map.of());

        assertEquals(401, reply.status());
        assertEquals("invalid_token", reply.error());
    }

    @Test
    void tokenOfAnotherPortalIsInvalidToken() {
        SimulatedPortal other = fixture.simulator.createPortal(PortalSeed.of(Dataset.bundledSample()));

        TestHttp.Reply reply = TestHttp.call(other, "profile", fixture.adminToken, Map.of());

        assertEquals("invalid_token", reply.error());
    }

    @Test
    void tokenExpiresAfterAnHourOfSimulatorTime() {
        fixture.clock.advance(Duration.ofMinutes(59));
        assertEquals(200, fixture.call("profile", Map.of()).status());

        fixture.clock.advance(Duration.ofMinutes(1));
        TestHttp.Reply reply = fixture.call("profile", Map.of());

        assertEquals(401, reply.status());
        assertEquals("expired_token", reply.error());
    }

    @Test
    void expiringAllTokensMakesTheNextCallExpiredToken() {
        fixture.simulator.expireAllAccessTokens();

        assertEquals("expired_token", fixture.call("profile", Map.of()).error());
    }

    @Test
    void profileDescribesTheTokensUser() {
        Map<String, Object> profile = fixture.call("profile", Map.of()).resultMap();

        assertEquals("1", profile.get("ID"));
        assertEquals(true, profile.get("ADMIN"));
        assertEquals("Анна", profile.get("NAME"));
    }

    @Test
    void methodNamesIgnoreCaseAndTheJsonSuffix() {
        assertEquals(200, fixture.call("CRM.Lead.Get.json", Map.of("id", "1")).status());
    }

    @Test
    void tokenAndParametersMayComeInTheQueryOrAFormBody() {
        URI query = fixture.portal.clientEndpoint().resolve("crm.lead.get?id=2&auth=" + fixture.adminToken);
        TestHttp.Reply byQuery = TestHttp.get(query);
        TestHttp.Reply byForm = TestHttp.postForm(fixture.portal.clientEndpoint().resolve("crm.lead.get"),
                "id=2&auth=" + fixture.adminToken);

        assertEquals("2", byQuery.resultMap().get("ID"));
        assertEquals("2", byForm.resultMap().get("ID"));
    }

    @Test
    void recordedCallsNeverHoldTheToken() {
        fixture.call("crm.lead.get", Map.of("id", "1"));

        RecordedCall call = fixture.portal.calls().all().getFirst();
        assertEquals("crm.lead.get", call.method());
        assertEquals(Map.of("id", "1"), call.params());
        assertEquals(200, call.httpStatus());
        assertTrue(fixture.portal.calls().all().stream().noneMatch(c -> c.params().containsKey("auth")));
    }

    @Test
    void renamedPortalRedirectsFromItsOldDomain() {
        URI oldEndpoint = fixture.portal.clientEndpoint();
        fixture.portal.rename();

        TestHttp.Reply reply = TestHttp.get(oldEndpoint.resolve("crm.lead.get?id=1"));

        assertEquals(302, reply.status());
        assertEquals(fixture.portal.clientEndpoint().resolve("crm.lead.get?id=1").toString(),
                reply.raw().headers().firstValue("Location").orElseThrow());
        assertEquals(200, fixture.call("crm.lead.get", Map.of("id", "1")).status());
    }
}
