package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BindingMethodsTest {
    private static final String HANDLER = "https://app.example/events";
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void boundEventsAreListedByEventGet() {
        fixture.call("event.bind", Map.of("event", "onCrmLeadAdd", "handler", HANDLER));

        List<Map<String, Object>> bound = fixture.call("event.get", Map.of()).resultRows();

        assertEquals(List.of(Map.of("event", "ONCRMLEADADD", "handler", HANDLER, "auth_type", "0", "offline", 0)), bound);
    }

    @Test
    void bindingTheSameHandlerTwiceFails() {
        fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", HANDLER));

        TestHttp.Reply again = fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", HANDLER));

        assertEquals(400, again.status());
        assertEquals(1, fixture.portal.records().boundEvents().size());
    }

    @Test
    void unknownEventIsNotFound() {
        assertEquals("ERROR_EVENT_NOT_FOUND", fixture.call("event.bind", Map.of("event", "ONSOMETHING", "handler", HANDLER)).error());
    }

    @Test
    void unbindCountsWhatItRemoved() {
        fixture.call("event.bind", Map.of("event", "ONCRMDEALADD", "handler", HANDLER));

        TestHttp.Reply reply = fixture.call("event.unbind", Map.of("event", "ONCRMDEALADD", "handler", HANDLER));

        assertEquals(1, reply.resultMap().get("count"));
        assertEquals(List.of(), fixture.portal.records().boundEvents());
    }

    @Test
    void nonAdminCannotBind() {
        String managerToken = fixture.portal.issueTokens("6").accessToken();

        TestHttp.Reply reply = TestHttp.call(fixture.portal, "event.bind", managerToken, Map.of("event", "ONCRMDEALADD", "handler", HANDLER));

        assertEquals(403, reply.status());
        assertEquals(false, TestHttp.call(fixture.portal, "profile", managerToken, Map.of()).resultMap().get("ADMIN"));
    }

    @Test
    void placementsAreBoundListedAndUnbound() {
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_DEAL_DETAIL_TAB", "HANDLER", HANDLER, "TITLE", "Экономика"));

        List<Map<String, Object>> bound = fixture.call("placement.get", Map.of()).resultRows();
        TestHttp.Reply unbound = fixture.call("placement.unbind", Map.of("PLACEMENT", "CRM_DEAL_DETAIL_TAB", "HANDLER", HANDLER));

        assertEquals("CRM_DEAL_DETAIL_TAB", bound.getFirst().get("placement"));
        assertEquals(1, unbound.resultMap().get("count"));
    }

    @Test
    void defaultPlacementCannotBeBound() {
        assertEquals("ERROR_PLACEMENT_NOT_FOUND",
                fixture.call("placement.bind", Map.of("PLACEMENT", "DEFAULT", "HANDLER", HANDLER)).error());
    }

    @Test
    void portalSideAppInfoHasNoMemberId() {
        Map<String, Object> info = fixture.call("app.info", Map.of()).resultMap();

        assertEquals(fixture.portal.seed().clientId(), info.get("CODE"));
        assertEquals(false, info.containsKey("member_id"));
    }
}
