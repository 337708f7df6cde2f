package ru.unitecon.functions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.IssuedTokens;
import ru.unitecon.simulator.SimulatedPortal;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two portals of the same app in one table. Portal A's administrator holds genuine credentials of A (its
 * application token, live access tokens) and uses them against portal B: none of it may touch B. Every attack is
 * refused, so the tests share the two installed portals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossPortalAttackTest {
    private AppOnSimulatedPortal app;
    private SimulatedPortal victim;
    private String victimItemsBefore;

    @BeforeAll
    void twoPortalsInstalled() {
        app = AppOnSimulatedPortal.start(DatasetGenerator.generate(21, 20));
        app.installAndBackfill();
        victim = app.installAnotherPortal(DatasetGenerator.generate(22, 20));
    }

    @BeforeEach
    void rememberTheVictim() {
        victimItemsBefore = app.itemsOf(victim.memberId());
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    void leadEventWithOnePortalsApplicationTokenAndAnothersMemberIdIsRefused() {
        assertTrue(app.eventDropped(event("ONCRMLEADUPDATE", victim,
                app.portal.applicationToken(), Map.of("data[FIELDS][ID]", "3"))));

        assertEquals(0, app.queue.size());
    }

    @Test
    void uninstallWithCleanOfAnotherPortalIsRefusedAndItsDataKept() {
        assertTrue(app.eventDropped(event("ONAPPUNINSTALL", victim,
                app.portal.applicationToken(), Map.of("data[CLEAN]", "1"))));

        assertEquals(InstallationStatus.INSTALLED, app.portals.find(victim.memberId()).orElseThrow().status());
        assertEquals(victimItemsBefore, app.itemsOf(victim.memberId()));
    }

    @Test
    void installEventWithOnePortalsAccessTokenCannotSetAnothersApplicationToken() {
        IssuedTokens attackers = app.portal.issueTokens(app.portal.seed().dataset().adminUserId());
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("auth[access_token]", attackers.accessToken());
        auth.put("auth[refresh_token]", attackers.refreshToken());
        auth.put("auth[expires]", Long.toString(attackers.expiresAt().getEpochSecond()));
        auth.put("auth[domain]", victim.domain());
        auth.put("auth[client_endpoint]", victim.clientEndpoint().toString());
        auth.put("auth[server_endpoint]", victim.serverEndpoint().toString());

        assertTrue(app.eventDropped(event("ONAPPINSTALL", victim,
                "0123456789abcdef0123456789abcdef", auth)));

        assertEquals(victim.applicationToken(), app.portals.find(victim.memberId()).orElseThrow().applicationToken());
        assertEquals(victimItemsBefore, app.itemsOf(victim.memberId()));
    }

    @Test
    void installPostWithOnePortalsLiveTokenAndAnothersMemberIdIsRefused() {
        FramePost own = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "ru",
                app.portal.seed().dataset().adminUserId(), Map.of());
        Map<String, String> claimingVictim = new HashMap<>(own.form());
        claimingVictim.put("member_id", victim.memberId());

        HttpResponse<String> page = app.post("/install?DOMAIN=" + victim.domain() + "&PROTOCOL=0&LANG=ru",
                new FramePost(own.url(), claimingVictim).body());

        assertEquals(401, page.statusCode());
        assertFalse(page.body().contains("Exception"));
        assertEquals(victimItemsBefore, app.itemsOf(victim.memberId()));
        assertEquals(0, app.queue.size());
    }

    @Test
    void installPostWithOnePortalsLiveTokenAndItsOwnMemberButAnothersDomainIsRefused() {
        FramePost own = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "ru",
                app.portal.seed().dataset().adminUserId(), Map.of());

        HttpResponse<String> page = app.post("/install?DOMAIN=" + victim.domain() + "&PROTOCOL=0&LANG=ru",
                own.body());

        assertEquals(401, page.statusCode());
        assertEquals(app.portal.domain(), app.portals.find(app.memberId()).orElseThrow().domain());
    }

    private String event(String name, SimulatedPortal claimed, String applicationToken, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", name);
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", claimed.domain());
        form.put("auth[client_endpoint]", claimed.clientEndpoint().toString());
        form.put("auth[member_id]", claimed.memberId());
        form.put("auth[application_token]", applicationToken);
        form.putAll(extra);
        return AppOnSimulatedPortal.formBody(form);
    }
}
